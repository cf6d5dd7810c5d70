// SQLite's storage failures as the till's codes. A refused write is rolled back by the transaction, so
// the journal stays exactly as it was and the caller may simply try again once the cause is gone.
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { TillError } from '../../preload/contract/errors';

export function storageError(error: unknown): TillError | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (error.code === 'SQLITE_FULL') return new TillError('DISK_FULL', error.message);
  if (error.code.startsWith('SQLITE_READONLY')) return new TillError('STORAGE_READ_ONLY', error.message);
  return undefined;
}

/** Runs a write, turning storage failures into TillErrors and letting everything else through. */
export function mapStorageErrors<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw storageError(error) ?? error;
  }
}

/**
 * On read-only media SQLite cannot create the WAL beside the journal and says only SQLITE_CANTOPEN:
 * name the cause when the folder is indeed not writable, so the till shows STORAGE_READ_ONLY.
 */
export function readOnlyMediaError(path: string, error: unknown): TillError | undefined {
  if (!(error instanceof Database.SqliteError) || error.code !== 'SQLITE_CANTOPEN') return undefined;
  try {
    accessSync(dirname(path), constants.W_OK);
    return undefined;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code === 'EROFS' || code === 'EACCES'
      ? new TillError('STORAGE_READ_ONLY', `${dirname(path)} is not writable (${code})`)
      : undefined;
  }
}
