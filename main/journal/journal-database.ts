// Opening a journal file: the connection and its durability pragmas, the schema brought up to date (or
// refused, read-only), stale projections rebuilt, and the chain-head row checked against the last entry.
import type Database from 'better-sqlite3';
import { openSqlite } from '../sqlite/sqlite-binding';
import { TillError } from '../../preload/contract/errors';
import { GENESIS_HASH } from './chain-hash';
import { ChainHead, HEAD_MISSING } from './chain-head';
import { LATEST_VERSION, migrate, projectionsStale, schemaVersion } from './migrations';
import { rebuildProjections } from './projection-rebuild';
import { mapStorageErrors, readOnlyMediaError, storageError } from './storage-errors';

export interface StorageInfo {
  journalMode: string;
  /** 2 = FULL. */
  synchronous: number;
  schemaVersion: number;
  readOnly: boolean;
}

export interface OpenedJournalDatabase {
  db: Database.Database;
  head: ChainHead;
  /** Why every append is refused (the head does not match the last entry, or is gone), or null. */
  brokenAtOpen: string | null;
}

export function openJournalDatabase(
  path: string,
  opts: { readOnly: boolean; maxSizeBytes?: number | undefined },
): OpenedJournalDatabase {
  const { readOnly } = opts;
  let db: Database.Database;
  try {
    db = openSqlite(path, { readonly: readOnly, fileMustExist: readOnly });
  } catch (error) {
    throw storageError(error) ?? readOnlyMediaError(path, error) ?? error;
  }
  try {
    if (!readOnly) db.pragma('journal_mode = WAL');
    // better-sqlite3 leaves WAL at NORMAL, which can lose acknowledged commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    if (opts.maxSizeBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(opts.maxSizeBytes / pageSize))}`);
    }
    if (readOnly) {
      const version = schemaVersion(db);
      if (version > LATEST_VERSION) migrate(db); // throws the newer-version error
      if (version < LATEST_VERSION)
        throw new TillError(
          'STORAGE_READ_ONLY',
          `the journal is at schema ${version} and needs migrating to ${LATEST_VERSION}: open it writable once`,
        );
    } else {
      mapStorageErrors(() => migrate(db));
      if (projectionsStale(db)) mapStorageErrors(() => rebuildProjections(db));
    }
  } catch (error) {
    db.close();
    throw readOnlyMediaError(path, error) ?? error;
  }
  const head = new ChainHead(db);
  const row = head.peek();
  if (!row) {
    // Without its head the file cannot take an append or be trusted: a writable opening (the till) refuses
    // with a code the UI shows; a read-only one (verify, audits) opens so verify can name the problem.
    if (!readOnly) {
      db.close();
      throw new TillError('JOURNAL_HEAD_MISSING', HEAD_MISSING);
    }
    return { db, head, brokenAtOpen: HEAD_MISSING };
  }
  // One indexed read instead of re-hashing the file: the head moves in every append's transaction.
  const last = db.prepare('SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const lastSeq = last?.seq ?? 0;
  const lastHash = last?.hash ?? GENESIS_HASH;
  const brokenAtOpen =
    row.seq !== lastSeq || row.hash !== lastHash
      ? `the chain head (${row.seq}) does not match the last entry (${lastSeq}): run \`till journal verify\``
      : null;
  return { db, head, brokenAtOpen };
}

export function storageInfo(db: Database.Database, readOnly: boolean): StorageInfo {
  return {
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    schemaVersion: schemaVersion(db),
    readOnly,
  };
}
