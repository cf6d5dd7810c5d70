import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/tmp';
import { openJournal } from '../journal';
import { debitRequested, rawAppend } from '../../../test/support/journal-fixtures';
import { LATEST_VERSION, migrate } from './index';

const tmp = makeTempDir('m0004');
afterEach(() => tmp.remove());

it('0004 adds the void notes beside the chain; a void an older till wrote with free text still verifies and projects', () => {
  const path = join(tmp.dir, 'j.sqlite');
  const db = new Database(path);
  migrate(db, 3);
  rawAppend(db, 'DEBIT_REQUESTED', debitRequested({ debitId: 'd1' }));
  rawAppend(db, 'DEBIT_ACCEPTED', {
    debitId: 'd1',
    walletBalanceCents: 1500,
    acceptedAt: '2026-03-10T10:00:01.000Z',
  });
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
