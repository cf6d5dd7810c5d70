// The end of a partnership: "destroy every file of personal data" (regulation VI), anywhere under the
// till's data folder, at any depth, whatever the files are called:
// - the journal and every copy of it (an SQLite file with an `entries` table: backups/…): the names and
//   birth dates (persons) and the void notes are deleted, then VACUUM and a WAL truncation so no copy
//   lingers in free pages; the entries and closures stay;
// - every other SQLite file (the outbox's store of pass tokens, a raw copy of it under backups/, anything
//   else) is deleted with its -wal/-shm/-journal, and so are stray -wal/-shm/-journal files;
// - every `receipts/` and `exports/` folder (they print names) is deleted;
// - last, every file kept is searched for the values just removed (names, birth dates, tokens) in UTF-8,
//   UTF-16, base64 and Base45 (personal-data-scan.ts), and for the start of any pass token: a file that
//   still holds one is deleted too.
// What stays: the journal's entries and closures, which carry no names or birth dates (only the Region's
// pseudonymous beneficiary ids) and are the partner's accounting evidence for the Region's audits
// (regulation 4.3.2) and the legal retention of accounting records.
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { base45Encode } from '../../protocol/base45';
import { PASS_PREFIX, decodeToken } from '../../protocol/pass-token';
import { openSqlite } from '../sqlite/sqlite-binding';
import { openJournal } from './journal';
import { FormSearch, encodedForms } from './personal-data-scan';

export const JOURNAL_FILE_NAME = 'journal.sqlite';
/** Folders that hold personal data and are removed whole, wherever they are under the data folder. */
export const PERSONAL_DATA_FOLDERS = ['receipts', 'exports'] as const;

/**
 * What every pass token starts with, whoever it belongs to: the prefix, then the Base45 of the COSE_Sign1
 * tag and array header (0xD2 0x84). A file holding a token the till never knew (a scan that was copied
 * somewhere) is found by it.
 */
export const PASS_TOKEN_MARKER = PASS_PREFIX + base45Encode(Uint8Array.from([0xd2, 0x84]));

export interface WipeReport {
  /** Persons removed from the journal, or null when the folder had no journal. */
  personsRemoved: number | null;
  /** Files and folders deleted. */
  removed: string[];
  /** Journal copies (backups…) whose persons and void notes were removed, with how many persons each. */
  copiesPurged: { path: string; persons: number }[];
  verify: 'ok' | 'broken' | 'no-journal';
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const SIDE_FILE = /-(wal|shm|journal)$/;

function isSqliteFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => existsSync(path) && statSync(path).isFile());
}

const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** The personal values an SQLite file holds: names and birth dates, tokens and what they carry. */
function personalValues(db: Database.Database, into: Set<string>): void {
  if (hasTable(db, 'persons')) {
    for (const p of db.prepare('SELECT given_name, family_name, birth_date FROM persons').all() as {
      given_name: string;
      family_name: string;
      birth_date: string;
    }[]) {
      for (const v of [p.given_name, p.family_name, p.birth_date]) into.add(v);
    }
  }
  if (hasTable(db, 'void_notes'))
    for (const note of db.prepare('SELECT note FROM void_notes').pluck().all() as string[]) into.add(note);
  if (hasTable(db, 'requests')) {
    for (const body of db.prepare('SELECT body FROM requests').pluck().all() as string[]) {
      try {
        const parsed = JSON.parse(body) as { token?: unknown };
        if (typeof parsed.token !== 'string') continue;
        into.add(parsed.token);
        const decoded = decodeToken(parsed.token);
        if (decoded.ok && decoded.token.kind === 'pass')
          for (const v of [
            decoded.token.claims.givenName,
            decoded.token.claims.familyName,
            decoded.token.claims.birthDate,
          ])
            into.add(v);
      } catch {
        /* a body that is not ours: the file goes anyway */
      }
    }
  }
}

/** Empties the personal tables of a journal copy (a backup keeps its own journal mode). */
function purgeCopy(db: Database.Database): number {
  db.pragma('secure_delete = ON');
  const removed = db.prepare('DELETE FROM persons').run().changes;
  if (hasTable(db, 'void_notes')) db.prepare('DELETE FROM void_notes').run();
  db.exec('VACUUM');
  if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
  return removed;
}

export function wipePersonalData(dataDir: string): WipeReport {
  const journalPath = resolve(dataDir, JOURNAL_FILE_NAME);
  const values = new Set<string>([PASS_TOKEN_MARKER]);
  const removed: string[] = [];
  const remove = (path: string) => {
    if (!existsSync(path)) return;
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  };

  let personsRemoved: number | null = null;
  let verify: WipeReport['verify'] = 'no-journal';
  if (existsSync(journalPath)) {
    const journal = openJournal(journalPath);
    try {
      for (const p of journal.persons.all())
        for (const v of [p.givenName, p.familyName, p.birthDate]) values.add(v);
      for (const note of journal.voidNotes.all()) values.add(note);
      journal.voidNotes.purgeAll();
      personsRemoved = journal.persons.purgeAll();
      verify = journal.verify().ok ? 'ok' : 'broken';
    } finally {
      journal.close();
    }
  }

  for (const path of readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).map((n) =>
    join(dataDir, n),
  )) {
    if (
      (PERSONAL_DATA_FOLDERS as readonly string[]).includes(basename(path)) &&
      existsSync(path) &&
      statSync(path).isDirectory()
    )
      remove(path);
  }

  const copies: string[] = [];
  const copiesPurged: WipeReport['copiesPurged'] = [];
  for (const path of filesUnder(dataDir)) {
    if (resolve(path) === journalPath || SIDE_FILE.test(path) || !existsSync(path) || !isSqliteFile(path))
      continue;
    let db: Database.Database | null = null;
    try {
      db = openSqlite(path);
      personalValues(db, values);
      if (hasTable(db, 'entries') && hasTable(db, 'persons')) {
        copiesPurged.push({ path, persons: purgeCopy(db) });
        copies.push(resolve(path));
        continue;
      }
    } catch {
      // Unreadable or not ours: it may hold anything, so it goes.
    } finally {
      db?.close();
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) remove(path + suffix);
  }
  // Side files whose database is gone (or was never there): page images of whatever was written.
  for (const path of filesUnder(dataDir)) {
    if (SIDE_FILE.test(path) && !existsSync(path.replace(SIDE_FILE, ''))) remove(path);
  }

  // The net: no other file kept may still hold a value removed above, in any encoding. The journals
  // themselves were purged row by row, VACUUMed and their WAL truncated (the wipe proof reads their bytes).
  const search = new FormSearch([...values].filter((v) => v.length > 0).flatMap(encodedForms));
  const journals = new Set([journalPath, ...copies]);
  for (const path of filesUnder(dataDir)) {
    if (!journals.has(resolve(path)) && search.fileHoldsAny(path)) remove(path);
  }
  return { personsRemoved, removed, copiesPurged, verify };
}
