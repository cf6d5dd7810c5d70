// The manager's purge and the automatic one after a retention period, on a real journal with a hand clock.
import { expect, it } from 'vitest';
import { manualClock } from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';
import {
  monthsBefore,
  privacyView,
  purgePersonalData,
  setRetention,
  startAutomaticPurge,
} from './retention-policy';

it.each([
  ['2026-11-22T10:00:00.000Z', 1, '2026-10-22T10:00:00.000Z'],
  ['2026-03-31T08:00:00.000Z', 1, '2026-02-28T08:00:00.000Z'],
  ['2028-03-31T08:00:00.000Z', 1, '2028-02-29T08:00:00.000Z'],
  ['2026-01-15T00:00:00.000Z', 13, '2024-12-15T00:00:00.000Z'],
])('%s minus %i month(s) is %s', (now, months, expected) => {
  expect(monthsBefore(Date.parse(now), months)).toBe(expected);
});

it('purges before a day by hand, then by itself once a retention is set, keeping the chain intact', () => {
  const clock = manualClock('2026-01-10T10:00:00.000Z');
  const t = journalForTest({ now: clock.now });
  const see = (id: string) =>
    t.journal.persons.upsert({ id, givenName: 'Inès', familyName: `Lefèvre-${id}`, birthDate: '2008-04-12' });
  see('january');
  clock.advance(40 * 86_400_000);
  see('february');
  clock.advance(60 * 86_400_000);
  see('april');
  t.journal.append({ kind: 'STARTUP', payload: { pid: 1 } });

  expect(purgePersonalData(t.journal, '2026-02-01', 'manual', clock.now())).toBe(1);
  expect(privacyView(t.journal)).toEqual({
    retentionMonths: null,
    lastPurge: { at: clock.now().toISOString(), before: '2026-02-01', persons: 1, trigger: 'manual' },
  });

  let tick: () => void = () => undefined;
  const stop = startAutomaticPurge(t.journal, {
    now: () => clock.now().getTime(),
    log: () => undefined,
    every: (fn) => {
      tick = fn;
      return () => undefined;
    },
  });
  // No retention set: the hourly check does nothing.
  tick();
  expect(t.journal.persons.get('february')).toBeDefined();
  setRetention(t.journal, 1);
  tick();
  expect(t.journal.persons.get('february')).toBeUndefined();
  expect(t.journal.persons.get('april')).toBeDefined();
  expect(privacyView(t.journal).lastPurge).toMatchObject({ trigger: 'automatic', persons: 1 });
  stop();
  expect(t.journal.verify().ok).toBe(true);
});
