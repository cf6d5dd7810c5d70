// Files at rest, on real files: the durable write leaves the old or the new content, never a temp file
// or a mixture; the data folder and everything in it become owner-only (a till installed before the
// rule had 0644 files); SQLite's own -wal/-shm files and a backup made by SQLite's backup API are
// owner-only too, whatever the umask.
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tmp';
import { backupDatabase } from '../backup/backup-database';
import { writeFileDurably } from './durable-write';
import { securePrivateDataDir } from './private-files';

const tmp = makeTempDir('files-at-rest');
const posix = process.platform !== 'win32';
const modeOf = (path: string) => statSync(path).mode & 0o777;
let umask = 0;
beforeAll(() => {
  // The usual desktop umask: without the rule, files would be 0644 and folders 0755.
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
  tmp.remove();
});

describe('writeFileDurably', () => {
  it('writes, replaces, leaves no temp file, and is owner-only unless told otherwise', () => {
    const dir = join(tmp.dir, 'w', 'sub');
    const file = join(dir, 'settings.json');
    writeFileDurably(file, '{"a":1}');
    writeFileDurably(file, Buffer.from('{"a":2}'));
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}');
    expect(readdirSync(dir)).toEqual(['settings.json']);
    if (posix) {
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(dir)).toBe(0o700);
      writeFileDurably(join(dir, 'public.txt'), 'x', { mode: 0o644 });
      expect(modeOf(join(dir, 'public.txt'))).toBe(0o644);
    }
  });

  it('cleans its temp file when it cannot be put in place, and leaves what was there', () => {
    const dir = join(tmp.dir, 'fail');
    mkdirSync(join(dir, 'target'), { recursive: true });
    // Renaming a file over a non-empty folder fails: the write must not leave its temp file behind.
    writeFileDurably(join(dir, 'target', 'keep'), 'old');
    expect(() => writeFileDurably(join(dir, 'target'), 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['target']);
    expect(readFileSync(join(dir, 'target', 'keep'), 'utf8')).toBe('old');
  });
});

describe.skipIf(!posix)('securePrivateDataDir', () => {
  it('makes an old 0755/0644 data folder owner-only at any depth, leaves symlinked targets alone', () => {
    const data = join(tmp.dir, 'old-data');
    const outside = join(tmp.dir, 'outside.txt');
    writeFileDurably(outside, 'not ours', { mode: 0o644 });
    mkdirSync(join(data, 'backups'), { recursive: true, mode: 0o755 });
    chmodSync(data, 0o755);
    writeFileDurably(join(data, 'journal.sqlite'), '', { mode: 0o644 });
    writeFileDurably(join(data, 'backups', 'outbox.sqlite'), 'x', { mode: 0o644 });
    symlinkSync(outside, join(data, 'link'));
    securePrivateDataDir(data, ['journal.sqlite', 'requests.sqlite']);
    expect(modeOf(data)).toBe(0o700);
    expect(modeOf(join(data, 'backups'))).toBe(0o700);
    expect(modeOf(join(data, 'journal.sqlite'))).toBe(0o600);
    expect(modeOf(join(data, 'requests.sqlite'))).toBe(0o600);
    expect(modeOf(join(data, 'backups', 'outbox.sqlite'))).toBe(0o600);
    expect(modeOf(outside)).toBe(0o644);
  });

  it("gives SQLite's -wal and -shm files the database file's 0600, and a backup 0600", async () => {
    const data = join(tmp.dir, 'sqlite');
    securePrivateDataDir(data, ['journal.sqlite']);
    const db = new Database(join(data, 'journal.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('Léa Martin, 2007-03-14')");
    const files = readdirSync(data).sort();
    expect(files).toEqual(['journal.sqlite', 'journal.sqlite-shm', 'journal.sqlite-wal']);
    expect(files.map((name) => modeOf(join(data, name)))).toEqual([0o600, 0o600, 0o600]);
    const backup = await backupDatabase(db, join(data, 'backups', 'journal-2026-11-29.sqlite'));
    db.close();
    expect(backup.ok).toBe(true);
    expect(modeOf(join(data, 'backups', 'journal-2026-11-29.sqlite'))).toBe(0o600);
    expect(modeOf(join(data, 'backups'))).toBe(0o700);
  });
});
