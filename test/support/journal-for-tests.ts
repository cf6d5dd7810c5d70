// A test's own temp journal, closed and removed when that test finishes: it spares each journal test file
// the module-level `let` and afterEach that would otherwise repeat around every such journal. Apart from
// journal-fixtures.ts, whose tempJournal also serves journals made in a beforeEach, outside any one test.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { OpenJournalOptions } from '../../main/journal/journal';
import { migrate } from '../../main/journal/migrations';
import { deviceJournal, tempJournal, type TempJournal } from './journal-fixtures';
import { makeTempDir } from './tmp';

/** A temp journal for the running test. */
export function journalForTest(opts: OpenJournalOptions = {}): TempJournal {
  const t = tempJournal(opts);
  onTestFinished(() => t.cleanup());
  return t;
}

/** deviceJournal (device D-000042 on a hand-moved clock) for the running test. */
export function deviceJournalForTest(startIso: string): ReturnType<typeof deviceJournal> {
  const made = deviceJournal(startIso);
  onTestFinished(() => made.t.cleanup());
  return made;
}

/** A journal file as an older till left it, at schema `version`, opened raw: for a migration's test. */
export function fileAtVersion(version: number): { path: string; db: Database.Database } {
  const { dir, remove } = makeTempDir('migration');
  const path = join(dir, 'j.sqlite');
  const db = new Database(path);
  onTestFinished(() => {
    if (db.open) db.close();
    remove();
  });
  migrate(db, version);
  return { path, db };
}
