// The till's data folder holds names, birth dates, PIN hashes and the sealed device token: no other local
// account may read it. On POSIX the folder is 0700 and every file in it 0600, whatever the umask.
// On Windows, POSIX modes mean nothing (chmod only toggles the read-only flag): the installer sets the
// folder's ACL instead (docs/security.md says what is and is not done there).
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIR = 0o700;

const posix = process.platform !== 'win32';

/** Creates `dir` (and missing parents) owner-only; an existing folder is left as it is. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
}

/**
 * Makes the till's data folder owner-only before anything opens it: the folder 0700, every file below it
 * 0600 and every sub-folder 0700 (a till installed before this rule had 0644 files), and the SQLite files
 * named in `databases` created empty with 0600 if absent. SQLite gives a database's `-wal` and `-shm`
 * files the mode of the database file itself (os_unix.c, findCreateFileMode), so creating the database
 * file owner-only first is what keeps its companions owner-only too. An empty file is a valid empty
 * SQLite database.
 */
export function securePrivateDataDir(dataDir: string, databases: readonly string[] = []): void {
  ensurePrivateDir(dataDir);
  try {
    for (const name of databases) {
      const fd = openSync(join(dataDir, name), 'a', OWNER_ONLY_FILE);
      closeSync(fd);
    }
    if (posix) tighten(dataDir);
  } catch (error) {
    // Read-only or full media: nothing can be created or changed, and opening the journal next names the
    // problem with its own code (STORAGE_READ_ONLY, DISK_FULL), which this must not pre-empt.
    if (!MEDIA_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}

const MEDIA_ERRORS = new Set(['EROFS', 'ENOSPC', 'EDQUOT']);

function tighten(path: string): void {
  const stat = lstatSync(path);
  // A symlink's target may be anywhere (a partition, a shared folder): not ours to change.
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== OWNER_ONLY_DIR) chmodSync(path, OWNER_ONLY_DIR);
    for (const name of readdirSync(path)) tighten(join(path, name));
  } else if (stat.isFile() && (stat.mode & 0o777) !== OWNER_ONLY_FILE) {
    chmodSync(path, OWNER_ONLY_FILE);
  }
}
