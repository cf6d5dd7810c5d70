// The one way the till writes a file it depends on (key file, settings, exports, backups, archives).
// A power cut keeps only what reached the disk: a plain writeFileSync can leave an empty or half-written
// file after the machine comes back (the zero-length file after a crash on ext4 with delayed
// allocation), and a key file lost that way locks the till out of the Region for good. So the bytes go
// to a temporary file in the same folder, are fsynced, the temporary file is renamed over the target
// (atomic within one filesystem), and the folder is fsynced so the rename itself survives. After a cut,
// the target is either the old file or the new one, whole, never a mixture or nothing.
// Lint (eslint.config.js) forbids writeFileSync/writeFile in product code, so every such file comes here.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensurePrivateDir, OWNER_ONLY_FILE } from './private-files';

export interface DurableWriteOptions {
  /** POSIX mode of the file; owner-only unless the caller says otherwise. */
  mode?: number;
}

/** Writes `data` to `path` so that after a power cut `path` holds either its old content or `data`. */
export function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
): void {
  const dir = dirname(path);
  ensurePrivateDir(dir);
  const mode = options.mode ?? OWNER_ONLY_FILE;
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // 'wx': a leftover temp file is never reused; the mode is passed at creation so the bytes are never
  // readable by others, even for an instant, and set again because the umask may have narrowed it.
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      if (process.platform !== 'win32') fchmodSync(fd, mode);
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/** Flushes a file already written by someone else (SQLite's backup API) before it is renamed into place. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes a rename or a creation in `dir` durable. Windows cannot open a folder for fsync (EISDIR/EPERM);
 * NTFS journals its metadata, so there is nothing to do there.
 */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
