import type Database from 'better-sqlite3';
import { openSqlite } from '../sqlite/sqlite-binding';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { syncDirectory, syncFile } from '../files/durable-write';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../files/private-files';

export type BackupErrorCode =
  'SOURCE_MISSING' | 'DEST_EXISTS' | 'SAME_FILE' | 'BACKUP_FAILED' | 'INTEGRITY_FAILED';

export interface BackupError {
  ok: false;
  code: BackupErrorCode;
  /** For logs and support, never shown to the cashier as is. */
  detail: string;
}

export interface BackupDone {
  ok: true;
  dest: string;
  bytes: number;
  pages: number;
  /** `PRAGMA user_version` of the copy: the journal's schema version it holds. */
  schemaVersion: number;
}

export type BackupResult = BackupDone | BackupError;

export interface BackupOptions {
  /** Replace an existing file at `dest`. Off by default: a backup must never silently replace another one. */
  overwrite?: boolean;
  /** Called after each step of the copy with the pages copied so far and the total. */
  onProgress?: (copiedPages: number, totalPages: number) => void;
}

/** Pages copied per step of the backup API: small steps let progress events (and other calls) through. */
const PAGES_PER_STEP = 1000;

export type VerifyResult = { ok: true; schemaVersion: number } | BackupError;

/**
 * Copies a live SQLite database with SQLite's online backup API (through better-sqlite3), never a file
 * copy: a file copy of a WAL database taken while the till runs can miss committed transactions that are
 * still in the `-wal` file, or catch a page half-written. The copy is written next to `dest`, checked with
 * `PRAGMA integrity_check`, switched to a single self-contained file (journal_mode=DELETE, no `-wal`
 * companion to forget), flushed to disk, then renamed into place, so `dest` is either a whole, verified
 * backup or absent.
 *
 * `src` is a path, or the till's own open connection (the backup then sees exactly what it committed).
 */
export async function backupDatabase(
  src: string | Database.Database,
  dest: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const target = resolve(dest);
  if (typeof src === 'string') {
    if (!existsSync(src)) return fail('SOURCE_MISSING', `no database at ${src}`);
    if (resolve(src) === target) return fail('SAME_FILE', 'source and destination are the same file');
  } else if (resolve(src.name) === target) {
    return fail('SAME_FILE', 'source and destination are the same file');
  }
  if (existsSync(target) && !options.overwrite) return fail('DEST_EXISTS', `${target} already exists`);

  const partial = `${target}.partial-${randomBytes(6).toString('hex')}`;
  const owned = typeof src === 'string' ? openSqlite(src, { readonly: true, fileMustExist: true }) : null;
  const source = owned ?? (src as Database.Database);
  try {
    mkdirSync(dirname(target), { recursive: true, mode: OWNER_ONLY_DIR });
    const onProgress = options.onProgress;
    const meta = onProgress
      ? await source.backup(partial, {
          progress: ({ totalPages, remainingPages }) => {
            onProgress(totalPages - remainingPages, totalPages);
            return PAGES_PER_STEP;
          },
        })
      : await source.backup(partial);
    // A copy done in one step reports nothing on the way: its end is reported here.
    onProgress?.(meta.totalPages, meta.totalPages);
    const checked = finishCopy(partial);
    if (!checked.ok) return checked;
    // SQLite created the copy with the umask's mode: a backup holds names and birth dates, owner-only.
    if (process.platform !== 'win32') chmodSync(partial, OWNER_ONLY_FILE);
    syncFile(partial);
    renameSync(partial, target);
    syncDirectory(dirname(target));
    return {
      ok: true,
      dest: target,
      bytes: statSync(target).size,
      pages: meta.totalPages,
      schemaVersion: checked.schemaVersion,
    };
  } catch (error) {
    return fail('BACKUP_FAILED', error instanceof Error ? error.message : String(error));
  } finally {
    owned?.close();
    removeCopy(partial);
  }
}

/** Whether a file is a readable, intact SQLite database, and which schema version it holds. */
export function verifyDatabaseFile(path: string): VerifyResult {
  if (!existsSync(path)) return fail('SOURCE_MISSING', `no database at ${path}`);
  let db: Database.Database | null = null;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    return integrityOf(db);
  } catch (error) {
    return fail('INTEGRITY_FAILED', error instanceof Error ? error.message : String(error));
  } finally {
    db?.close();
  }
}

function finishCopy(path: string): VerifyResult {
  const db = openSqlite(path, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    return integrityOf(db);
  } finally {
    db.close();
  }
}

function integrityOf(db: Database.Database): VerifyResult {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  if (rows.length === 0 || problems.length > 0)
    return fail('INTEGRITY_FAILED', problems.slice(0, 5).join('; ') || 'no answer');
  const schemaVersion = db.pragma('user_version', { simple: true });
  return { ok: true, schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0 };
}

// Cleanup must not replace the real error with its own: a copy that never started leaves nothing to remove.
function removeCopy(partial: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try {
      rmSync(partial + suffix, { force: true });
    } catch {
      // nothing was written there
    }
  }
}

function fail(code: BackupErrorCode, detail: string): BackupError {
  return { ok: false, code, detail };
}
