// The end of a partnership: "destroy every file of personal data" (regulation VI). What goes: the
// beneficiaries' names and birth dates (the persons table, then VACUUM and a WAL truncation so no copy
// lingers in free pages), and the folders that hold receipts and exports, which print names.
// Copies of the journal anywhere in the folder (backups/…) are purged the same way, found by their
// SQLite header and their persons table, whatever their name. What stays: the journal's entries and closures, which carry no names or birth dates (only the
// Region's pseudonymous beneficiary ids) and are the partner's accounting evidence for the Region's
// audits (regulation 4.3.2) and the legal retention of accounting records.
import { openSqlite } from '../sqlite/sqlite-binding';
import { closeSync, existsSync, openSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openJournal } from './journal';

export const JOURNAL_FILE_NAME = 'journal.sqlite';
/** Folders of a till's data folder that hold personal data and are removed whole. */
export const PERSONAL_DATA_FOLDERS = ['receipts', 'exports'] as const;
/**
 * Files that hold personal data whole: the outbox keeps the pass tokens it must resend (a token carries the
 * youth's name and birth date) outside the chain. At the end of a partnership they go too.
 */
export const PERSONAL_DATA_FILES = ['outbox.sqlite', 'outbox.sqlite-wal', 'outbox.sqlite-shm'] as const;

export interface WipeReport {
  /** Persons removed from the journal, or null when the folder had no journal. */
  personsRemoved: number | null;
  /** Folders deleted. */
  removed: string[];
  /** Other SQLite files (journal copies, backups) whose persons table was emptied, with how many each. */
  copiesPurged: { path: string; persons: number }[];
  verify: 'ok' | 'broken' | 'no-journal';
}

export function wipePersonalData(dataDir: string): WipeReport {
  const journalPath = join(dataDir, JOURNAL_FILE_NAME);
  let personsRemoved: number | null = null;
  let verify: WipeReport['verify'] = 'no-journal';
  if (existsSync(journalPath)) {
    const journal = openJournal(journalPath);
    try {
      personsRemoved = journal.persons.purgeAll();
      verify = journal.verify().ok ? 'ok' : 'broken';
    } finally {
      journal.close();
    }
  }
  const removed: string[] = [];
  for (const folder of PERSONAL_DATA_FOLDERS) {
    const path = join(dataDir, folder);
    if (!existsSync(path)) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  for (const file of PERSONAL_DATA_FILES) {
    const path = join(dataDir, file);
    if (!existsSync(path)) continue;
    rmSync(path, { force: true });
    removed.push(path);
  }
  const copiesPurged: WipeReport['copiesPurged'] = [];
  for (const path of sqliteFilesUnder(dataDir)) {
    if (resolve(path) === resolve(journalPath)) continue;
    const persons = purgePersonsInCopy(path);
    if (persons !== null) copiesPurged.push({ path, persons });
  }
  return { personsRemoved, removed, copiesPurged, verify };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function isSqliteFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function sqliteFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => !/-(wal|shm|journal)$/.test(path) && statSync(path).isFile() && isSqliteFile(path));
}

/** Empties the persons table of a journal copy (a backup keeps its own journal mode); null if it has none. */
function purgePersonsInCopy(path: string): number | null {
  const db = openSqlite(path);
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'persons'").get()) return null;
    db.pragma('secure_delete = ON');
    const removed = db.prepare('DELETE FROM persons').run().changes;
    db.exec('VACUUM');
    if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
    return removed;
  } finally {
    db.close();
  }
}
