import { describe, expect, it } from 'vitest';
import { initialsOf } from './receipt';

describe('holder initials on a receipt', () => {
  it.each([
    [{ givenName: 'Léa', familyName: 'Martin' }, 'L. M.'],
    [{ givenName: 'Jean-Luc', familyName: 'de la Tour' }, 'J.-L. D. L. T.'],
    [{ givenName: 'élodie', familyName: '' }, 'É.'],
    [undefined, ''],
  ] as const)('%j → %s', (person, initials) => {
    expect(initialsOf(person)).toBe(initials);
  });
});
