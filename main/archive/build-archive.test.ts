// A period's archive carries that period's closures, though they are written after it ends.
import { expect, it } from 'vitest';
import { debitRequested } from '../../test/support/journal-fixtures';
import { deviceJournalForTest } from '../../test/support/journal-for-tests';
import { buildArchive, parisPeriod } from './build-archive';
import { verifyArchive } from './verify-archive';
import { join } from 'node:path';
import { fileKeyCipher } from '../secrets/secret-store';

it("a month's archive made after the month's closure holds the month's closure and its days'", () => {
  const { t, clock } = deviceJournalForTest('2026-03-30T18:00:00.000Z');
  const j = t.journal;
  j.appendAll([
    {
      kind: 'DEBIT_REQUESTED',
      payload: debitRequested({ debitId: 'd1', occurredAt: clock.now().toISOString() }),
    },
    {
      kind: 'DEBIT_ACCEPTED',
      payload: { debitId: 'd1', walletBalanceCents: 0, acceptedAt: clock.now().toISOString() },
    },
  ]);
  clock.set('2026-03-31T06:00:00.000Z');
  const z30 = j.closeDay('2026-03-30', 'm1');
  j.append({ kind: 'LOGIN', payload: {} });
  clock.set('2026-04-01T07:00:00.000Z');
  // Written in April (Paris): the Z of the 31st and the month's closure.
  const z31 = j.closeDay('2026-03-31', 'm1');
  const march = j.closeMonth('2026-03', 'm1');
  j.append({ kind: 'LOGIN', payload: {} });

  const cipher = fileKeyCipher(join(t.dir, 'host.key'));
  const { archive, text } = buildArchive(j, parisPeriod('2026-03'), clock.now, cipher);
  expect(archive.closures.map((c) => [c.kind, c.period, c.seq])).toEqual([
    ['DAY_CLOSED', '2026-03-30', z30.seq],
    ['DAY_CLOSED', '2026-03-31', z31.seq],
    ['MONTH_CLOSED', '2026-03', march.seq],
  ]);
  expect(archive.chain).toMatchObject({ firstSeq: 1, lastSeq: march.seq, lastHash: march.hash });
  expect(verifyArchive(text, j)).toMatchObject({ ok: true, closures: 3 });
  // April's archive starts where April's entries start: it carries the closures written then too, as entries.
  expect(buildArchive(j, parisPeriod('2026-04'), clock.now, cipher).archive.chain.firstSeq).toBe(z31.seq);
});
