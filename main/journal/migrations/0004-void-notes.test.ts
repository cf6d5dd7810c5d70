import { expect, it } from 'vitest';
import { fileAtVersion } from '../../../test/support/journal-for-tests';
import { openJournal } from '../journal';
import { debitAccepted, debitRequested, rawAppend } from '../../../test/support/journal-fixtures';
import { LATEST_VERSION, migrate } from './index';

it('0004 adds the void notes beside the chain; a void an older till wrote with free text still verifies and projects', () => {
  const { path, db } = fileAtVersion(3);
  rawAppend(db, 'DEBIT_REQUESTED', debitRequested({ debitId: 'd1' }));
  rawAppend(db, 'DEBIT_ACCEPTED', debitAccepted('d1'));
  rawAppend(db, 'VOID_REQUESTED', { debitId: 'd1', voidId: 'v1', reason: 'séance annulée pour Léa' });
  db.prepare(
    "INSERT INTO persons (id, given_name, family_name, birth_date, last_seen_at, last_seen_ms) VALUES ('b1', 'Léa', 'Martin', '2008-01-01', 'x', 0)",
  ).run();
  expect(migrate(db, 4)).toEqual({ from: 3, to: 4, rebuildProjections: false });
  expect(db.prepare('SELECT COUNT(*) AS n FROM void_notes').get()).toEqual({ n: 0 });
  expect(db.prepare('SELECT COUNT(*) AS n FROM entries').get()).toEqual({ n: 3 });
  expect(db.prepare('SELECT given_name FROM persons').all()).toEqual([{ given_name: 'Léa' }]);
  db.close();

  const journal = openJournal(path);
  try {
    expect(journal.storage().schemaVersion).toBe(LATEST_VERSION);
    expect(journal.debits.get('d1')?.status).toBe('void_pending');
    journal.voidNotes.put({ voidId: 'v2', debitId: 'd1', note: 'le jeune a changé de séance' });
    expect(journal.voidNotes.get('v2')).toBe('le jeune a changé de séance');
    expect(journal.verify()).toMatchObject({ ok: true, count: 3 });
  } finally {
    journal.close();
  }
});
