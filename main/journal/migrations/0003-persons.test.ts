import { expect, it } from 'vitest';
import { fileAtVersion } from '../../../test/support/journal-for-tests';
import { openJournal } from '../journal';
import { rawAppend } from '../../../test/support/journal-fixtures';
import { LATEST_VERSION, migrate } from './index';

it('0003 adds the persons table, leaving entries and settings as they were', () => {
  const { path, db } = fileAtVersion(2);
  rawAppend(db, 'STARTUP', { pid: 7 });
  db.prepare("INSERT INTO settings (key, value) VALUES ('staff', '[]')").run();
  expect(migrate(db, 3)).toEqual({ from: 2, to: 3, rebuildProjections: false });
  expect(db.prepare('SELECT COUNT(*) AS n FROM persons').get()).toEqual({ n: 0 });
  expect(db.prepare('SELECT seq, payload FROM entries').all()).toEqual([{ seq: 1, payload: '{"pid":7}' }]);
  expect(db.prepare("SELECT value FROM settings WHERE key = 'staff'").all()).toEqual([{ value: '[]' }]);
  db.close();

  const journal = openJournal(path);
  try {
    expect(journal.storage().schemaVersion).toBe(LATEST_VERSION);
    journal.persons.upsert({ id: 'b1', givenName: 'A', familyName: 'B', birthDate: '2008-01-01' });
    expect(journal.persons.get('b1')?.familyName).toBe('B');
    expect(journal.verify()).toMatchObject({ ok: true, count: 1 });
  } finally {
    journal.close();
  }
});
