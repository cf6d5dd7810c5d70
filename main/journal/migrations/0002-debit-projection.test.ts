import { expect, it } from 'vitest';
import { fileAtVersion } from '../../../test/support/journal-for-tests';
import { openJournal } from '../journal';
import { debitAccepted, debitRequested, rawAppend } from '../../../test/support/journal-fixtures';
import { migrate, projectionsStale, schemaVersion } from './index';

it('0002 adds the debit projection, rebuilt from the entries an older till wrote', () => {
  const { path, db } = fileAtVersion(1);
  rawAppend(db, 'DEBIT_REQUESTED', debitRequested({ debitId: 'd1' }));
  rawAppend(db, 'DEBIT_ACCEPTED', debitAccepted('d1'));
  rawAppend(db, 'DEBIT_REQUESTED', debitRequested({ debitId: 'd2', mode: 'offline' }));
  expect(migrate(db, 2)).toEqual({ from: 1, to: 2, rebuildProjections: true });
  expect(schemaVersion(db)).toBe(2);
  expect(db.prepare('SELECT COUNT(*) AS n FROM entries').get()).toEqual({ n: 3 });
  expect(db.prepare('SELECT COUNT(*) AS n FROM debits').get()).toEqual({ n: 0 });
  expect(projectionsStale(db)).toBe(true);
  db.close();

  // Opening migrates the rest of the way and rebuilds the projection the migration asked for.
  const journal = openJournal(path);
  try {
    expect(journal.debits.get('d1')).toMatchObject({
      status: 'accepted',
      walletBalanceCents: 1500,
      requestSeq: 1,
    });
    expect(journal.debits.awaitingRegion().map((d) => d.debitId)).toEqual(['d2']);
    expect(journal.verify()).toMatchObject({ ok: true, count: 3 });
    expect(journal.settings.get('journal.projectionsStale')).toBeUndefined();
  } finally {
    journal.close();
  }
});
