// The 24-hour retention of youths scanned but never debited, on a real journal file with an injected clock.
import { expect, it } from 'vitest';
import { startRetentionSweep, UNDEBITED_RETENTION_MS } from './retention';
import { debitRequested, manualClock } from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';

it('purges the names of youths scanned but never debited 24 h after they were last seen, at start and each hour', () => {
  const clock = manualClock('2026-03-10T10:00:00.000Z');
  const t = journalForTest({ now: clock.now });
  const person = (id: string, familyName: string) =>
    t.journal.persons.upsert({ id, givenName: 'Maëlle', familyName, birthDate: '2008-04-12' });
  person('paid', 'Kowalczyk');
  person('looked', 'Durand-Séraphin');
  t.journal.append({
    kind: 'DEBIT_REQUESTED',
    payload: debitRequested({ debitId: 'd1', beneficiaryId: 'paid' }),
  });
  clock.advance(3600_000);
  person('later', 'Nguyen');

  let tick: (() => void) | null = null;
  let stopped = false;
  const stop = startRetentionSweep(t.journal, {
    now: () => clock.now().getTime(),
    log: () => undefined,
    every: (fn, ms) => {
      expect(ms).toBe(3600_000);
      tick = fn;
      return () => (stopped = true);
    },
  });
  // At start nothing is 24 h old yet.
  expect(['paid', 'looked', 'later'].map((id) => t.journal.persons.get(id) !== undefined)).toEqual([
    true,
    true,
    true,
  ]);
  // Exactly 24 h after: still there; a millisecond later, gone.
  clock.advance(UNDEBITED_RETENTION_MS - 3600_000);
  tick!();
  expect(t.journal.persons.get('looked')).toBeDefined();
  clock.advance(1);
  tick!();
  expect(['paid', 'looked', 'later'].map((id) => t.journal.persons.get(id) !== undefined)).toEqual([
    true,
    false,
    true,
  ]);
  clock.advance(3600_000);
  tick!();
  expect(['paid', 'looked', 'later'].map((id) => t.journal.persons.get(id) !== undefined)).toEqual([
    true,
    false,
    false,
  ]);
  stop();
  expect(stopped).toBe(true);
  expect(t.journal.verify().ok).toBe(true);
});
