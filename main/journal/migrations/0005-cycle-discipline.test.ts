import { expect, it } from 'vitest';
import { fileAtVersion } from '../../../test/support/journal-for-tests';
import { openJournal } from '../journal';
import { debitAccepted, debitRequested, rawAppend } from '../../../test/support/journal-fixtures';
import { LATEST_VERSION, migrate } from './index';

it("0005 gives the projection a cycle's discipline, filled from the chain by the rebuild; older cycles have none", () => {
  const { path, db } = fileAtVersion(4);
  const cycle = { category: 'ARTISTIC', item: 'CYCLE', sessions: 10, priceCents: 12000, amountCents: 3000 };
  rawAppend(db, 'DEBIT_REQUESTED', debitRequested({ debitId: 'old', ...cycle }));
  rawAppend(db, 'DEBIT_ACCEPTED', debitAccepted('old', 0));
  // As a till of this version writes it, in a file that an older till's projection never read.
  rawAppend(
    db,
    'DEBIT_REQUESTED',
    debitRequested({ debitId: 'new', ...cycle, discipline: 'ARTS_MARIONNETTIQUES' }),
  );
  expect(migrate(db, 5)).toEqual({ from: 4, to: 5, rebuildProjections: true });
  expect(db.prepare('SELECT COUNT(*) AS n FROM entries').get()).toEqual({ n: 3 });
  db.close();

  const journal = openJournal(path);
  try {
    expect(journal.storage().schemaVersion).toBe(LATEST_VERSION);
    expect(journal.debits.get('old')).toMatchObject({ item: 'CYCLE', status: 'accepted' });
    expect(journal.debits.get('old')?.discipline).toBeUndefined();
    expect(journal.debits.get('new')).toMatchObject({ item: 'CYCLE', discipline: 'ARTS_MARIONNETTIQUES' });
    expect(journal.verify()).toMatchObject({ ok: true, count: 3 });
  } finally {
    journal.close();
  }
});
