// Wrong PINs against a real journal file, with an injected clock (no sleeps): free tries, doubling waits,
// the lock at the tenth, a manager's unlock, and what the journal keeps (never the PIN).
import { expect, it } from 'vitest';
import { TillError } from '../../preload/contract/errors';
import { manualClock } from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';
import { FIRST_DELAY_MS, delayAfter } from './pin-lockout';
import { StaffDirectory } from './staff-directory';
import { StaffSession } from './staff-session';

function codeOf(fn: () => unknown): { code: string; params?: Record<string, string | number> } | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (error instanceof TillError)
      return error.params ? { code: error.code, params: error.params } : { code: error.code };
    throw error;
  }
}

function setup() {
  const clock = manualClock('2026-03-10T09:00:00.000Z');
  const t = journalForTest({ now: clock.now });
  const staff = new StaffDirectory(t.journal.settings, {
    journal: t.journal,
    now: () => clock.now().getTime(),
  });
  const karim = staff.add('Karim', 'cashier', '0000');
  const claire = staff.add('Claire', 'manager', '482913');
  return { t, clock, staff, karim, claire };
}

it('waits double after each failure from the fifth, and locks at the tenth until a manager unlocks', () => {
  const { t, clock, staff, karim, claire } = setup();
  expect([1, 2, 3, 4].map(delayAfter)).toEqual([0, 0, 0, 0]);
  expect([5, 6, 7, 8, 9].map(delayAfter)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  for (let i = 1; i <= 4; i++)
    expect(codeOf(() => staff.authenticate(karim.id, '1111'))).toEqual({ code: 'PIN_INVALID' });
  // The fifth failure is answered at once; the next try must wait 30 s, even with the right PIN.
  expect(codeOf(() => staff.authenticate(karim.id, '1111'))).toEqual({ code: 'PIN_INVALID' });
  for (let n = 5; n <= 9; n++) {
    const wait = FIRST_DELAY_MS * 2 ** (n - 5);
    clock.advance(wait - 1000);
    expect(codeOf(() => staff.authenticate(karim.id, '0000'))).toMatchObject({
      code: 'PIN_RETRY_LATER',
      params: { seconds: 1 },
    });
    clock.advance(1000);
    expect(codeOf(() => staff.authenticate(karim.id, '2222'))).toEqual({ code: 'PIN_INVALID' });
  }
  // Ten failures: locked, whatever the wait, whatever the PIN.
  clock.advance(365 * 86_400_000);
  expect(codeOf(() => staff.authenticate(karim.id, '0000'))).toMatchObject({ code: 'STAFF_LOCKED' });
  expect(staff.lockouts()).toEqual([{ staffId: karim.id, failures: 10, locked: true, retryAt: null }]);
  // Another member is not held up by it.
  expect(staff.authenticate(claire.id, '482913').id).toBe(claire.id);
  expect(staff.unlock(karim.id, claire.id)).toEqual({
    staffId: karim.id,
    failures: 0,
    locked: false,
    retryAt: null,
  });
  expect(staff.authenticate(karim.id, '0000').id).toBe(karim.id);

  const failures = t.journal.list({ kinds: ['LOGIN_FAILED'] });
  expect(failures.map((e) => e.payload)).toEqual(
    Array.from({ length: 10 }, (_, i) => ({ staffId: karim.id, failures: i + 1 })),
  );
  expect(failures[9]!.at).toBe(new Date(Date.parse('2026-03-10T09:00:00.000Z') + 930_000).toISOString());
  expect(t.journal.list({ kinds: ['STAFF_LOCKED'] }).map((e) => e.payload)).toEqual([
    { staffId: karim.id, failures: 10 },
  ]);
  expect(t.journal.list({ kinds: ['STAFF_UNLOCKED'] }).map((e) => [e.cashierId, e.payload])).toEqual([
    [claire.id, { staffId: karim.id, by: claire.id, failures: 10 }],
  ]);
  // No PIN, tried or true, is anywhere in the chain: not as a value, nor inside one. Hashes and ids are hex, where any
  // run of digits may turn up by chance (a hash held '2222' one run in a few hundred): they are left out.
  const values = t.journal
    .list({})
    .flatMap((e) => [e.kind, e.at, e.cashierId ?? '', ...Object.values(e.payload).map((v) => String(v))]);
  const hexOrId = /^(?:[0-9a-f]{64}|S-[0-9a-f]+)$/;
  for (const pin of ['1111', '2222', '0000', '482913'])
    expect(values.filter((v) => !hexOrId.test(v) && v.includes(pin))).toEqual([]);
  expect(t.journal.verify().ok).toBe(true);
});

it('keeps the count across a restart, and a success clears it', () => {
  const { t, clock, karim } = setup();
  let staff = new StaffDirectory(t.journal.settings, {
    journal: t.journal,
    now: () => clock.now().getTime(),
  });
  for (let i = 0; i < 5; i++) codeOf(() => staff.authenticate(karim.id, '9999'));
  const j = t.reopen();
  staff = new StaffDirectory(j.settings, { journal: j, now: () => clock.now().getTime() });
  expect(codeOf(() => staff.authenticate(karim.id, '0000'))).toMatchObject({
    code: 'PIN_RETRY_LATER',
    params: { seconds: 30 },
  });
  clock.advance(30_000);
  expect(staff.authenticate(karim.id, '0000').id).toBe(karim.id);
  expect(staff.lockouts()).toEqual([]);
  expect(codeOf(() => staff.authenticate(karim.id, '9999'))).toEqual({ code: 'PIN_INVALID' });
  expect(staff.lockouts()).toEqual([{ staffId: karim.id, failures: 1, locked: false, retryAt: null }]);
});

it('ends a session of the core after ten idle minutes, not before, and says so once', () => {
  let now = 0;
  const expired: string[] = [];
  const session = new StaffSession(
    () => now,
    (who) => expired.push(who.id),
  );
  session.set({ id: 'S-1', name: 'Claire', role: 'manager' });
  now = 9 * 60_000;
  expect(session.touch()?.id).toBe('S-1');
  now += 10 * 60_000 - 1;
  expect(session.current()?.id).toBe('S-1');
  now += 1;
  expect(session.current()).toBeNull();
  expect(session.touch()).toBeNull();
  expect(expired).toEqual(['S-1']);
});
