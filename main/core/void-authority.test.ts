// Whose authority a void is under, against the real staff directory (real scrypt PIN hashes).
import { describe, expect, it } from 'vitest';
import { TillError } from '../../preload/contract';
import { StaffDirectory } from '../staff/staff-directory';
import { voidAuthority } from './void-authority';

function directory() {
  const store = new Map<string, unknown>();
  const staff = new StaffDirectory({
    get: <T>(k: string) => store.get(k) as T | undefined,
    set: (k, v) => void store.set(k, v),
  });
  const manager = staff.add('Claire Dubois', 'manager', '2468');
  const cashier = staff.add('Karim Haddad', 'cashier', '1357');
  return { staff, manager, cashier };
}

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof TillError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('voidAuthority', () => {
  const { staff, manager, cashier } = directory();

  it("a manager's session voids on its own authority", () => {
    expect(voidAuthority(manager, staff, undefined)).toEqual({});
  });

  it("a cashier's session needs a manager's override", () => {
    expect(code(() => voidAuthority(cashier, staff, undefined))).toBe('ROLE_REQUIRED');
    expect(code(() => voidAuthority(null, staff, undefined))).toBe('NOT_LOGGED_IN');
  });

  it("the manager's PIN authorises this void, named in the result", () => {
    expect(voidAuthority(cashier, staff, { staffId: manager.id, pin: '2468' })).toEqual({
      authorisedBy: manager.id,
    });
  });

  it("a wrong manager PIN, or a cashier's PIN, is refused with its own code", () => {
    expect(code(() => voidAuthority(cashier, staff, { staffId: manager.id, pin: '1357' }))).toBe(
      'OVERRIDE_PIN_INVALID',
    );
    expect(code(() => voidAuthority(cashier, staff, { staffId: 'S-nobody', pin: '2468' }))).toBe(
      'OVERRIDE_PIN_INVALID',
    );
    expect(code(() => voidAuthority(cashier, staff, { staffId: cashier.id, pin: '1357' }))).toBe(
      'OVERRIDE_NOT_MANAGER',
    );
  });

  it('a manager confirming with their own PIN on their own session is just their void', () => {
    expect(voidAuthority(manager, staff, { staffId: manager.id, pin: '2468' })).toEqual({});
  });

  it("the staff directory's lockout applies to the override: wrong manager PINs end in a wait, not endless tries", () => {
    const fresh = directory();
    const tries = Array.from({ length: 6 }, () =>
      code(() => voidAuthority(fresh.cashier, fresh.staff, { staffId: fresh.manager.id, pin: '0000' })),
    );
    // Five free failures said as the manager's wrong PIN; then the lockout's own code passes through.
    expect(tries.slice(0, 5)).toEqual(Array(5).fill('OVERRIDE_PIN_INVALID'));
    expect(tries[5]).toBe('PIN_RETRY_LATER');
    expect(
      code(() => voidAuthority(fresh.cashier, fresh.staff, { staffId: fresh.manager.id, pin: '2468' })),
    ).toBe('PIN_RETRY_LATER');
  });
});
