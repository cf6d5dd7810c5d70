import { describe, expect, it } from 'vitest';
import { staffLabel } from './staff';

describe('staffLabel', () => {
  it('adds the role once', () => {
    expect(staffLabel({ name: 'Claire Dubois' }, 'responsable')).toBe('Claire Dubois (responsable)');
    expect(staffLabel({ name: 'Claire Dubois (responsable)' }, 'responsable')).toBe(
      'Claire Dubois (responsable)',
    );
    expect(staffLabel({ name: 'Claire Dubois (Responsable) ' }, 'responsable')).toBe(
      'Claire Dubois (Responsable)',
    );
  });
  it('keeps a different bracket and adds the role', () => {
    expect(staffLabel({ name: 'Karim Haddad (caisse)' }, 'caissier·ère')).toBe(
      'Karim Haddad (caisse) (caissier·ère)',
    );
  });
});
