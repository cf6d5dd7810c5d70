import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tmp';
import { backupDatabase, verifyDatabaseFile } from './backup-database';

let tmp: { dir: string; remove: () => void };
let live: Database.Database;
let livePath: string;

// A journal as the till keeps it: WAL, synchronous=FULL, and committed rows still sitting in the -wal file.
beforeEach(() => {
  tmp = makeTempDir('backup');
  livePath = join(tmp.dir, 'journal.db');
  live = new Database(livePath);
  live.pragma('journal_mode = WAL');
  live.pragma('synchronous = FULL');
  live.pragma('wal_autocheckpoint = 0');
  live.pragma('user_version = 7');
  live.exec('CREATE TABLE entries (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = live.prepare('INSERT INTO entries (body) VALUES (?)');
  live.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`entry ${i} ${'x'.repeat(100)}`);
  })();
});

afterEach(() => {
  if (live.open) live.close();
  tmp.remove();
});

function rowsIn(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('backupDatabase', () => {
  it('copies every committed entry of a live WAL journal, where a file copy loses them', async () => {
    const naive = join(tmp.dir, 'naive.db');
    copyFileSync(livePath, naive);
    expect(() => rowsIn(naive)).toThrow(); // the table itself is still only in the -wal file

    const dest = join(tmp.dir, 'backups', 'journal-2025-09-30.db');
    const result = await backupDatabase(livePath, dest);
    expect(result).toMatchObject({ ok: true, dest, schemaVersion: 7 });
    expect(rowsIn(dest)).toBe(500);
  });

  it("backs up through the till's own open connection too", async () => {
    const dest = join(tmp.dir, 'from-connection.db');
    const result = await backupDatabase(live, dest);
    expect(result.ok).toBe(true);
    expect(rowsIn(dest)).toBe(500);
  });

  it('leaves one self-contained file and no partial copy behind', async () => {
    const dest = join(tmp.dir, 'out', 'copy.db');
    await backupDatabase(livePath, dest);
    expect(readdirSync(join(tmp.dir, 'out'))).toEqual(['copy.db']);
    const db = new Database(dest, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('refuses to replace an existing backup unless asked', async () => {
    const dest = join(tmp.dir, 'copy.db');
    writeFileSync(dest, 'an older backup');
    expect(await backupDatabase(livePath, dest)).toMatchObject({ ok: false, code: 'DEST_EXISTS' });
    expect(await backupDatabase(livePath, dest, { overwrite: true })).toMatchObject({ ok: true });
    expect(rowsIn(dest)).toBe(500);
  });

  it('names a missing source and a copy onto itself', async () => {
    expect(await backupDatabase(join(tmp.dir, 'nope.db'), join(tmp.dir, 'x.db'))).toMatchObject({
      ok: false,
      code: 'SOURCE_MISSING',
    });
    expect(await backupDatabase(livePath, livePath, { overwrite: true })).toMatchObject({
      ok: false,
      code: 'SAME_FILE',
    });
    expect(await backupDatabase(live, livePath, { overwrite: true })).toMatchObject({
      ok: false,
      code: 'SAME_FILE',
    });
  });

  it('reports a failed copy as a value and leaves nothing at the destination', async () => {
    const dest = join(tmp.dir, 'not-a-dir');
    writeFileSync(dest, '');
    const result = await backupDatabase(livePath, join(dest, 'copy.db'));
    expect(result).toMatchObject({ ok: false, code: 'BACKUP_FAILED' });
  });
});

describe('verifyDatabaseFile', () => {
  it('accepts a sound backup and tells its schema version', async () => {
    const backup = join(tmp.dir, 'backup.db');
    await backupDatabase(livePath, backup);
    expect(verifyDatabaseFile(backup)).toEqual({ ok: true, schemaVersion: 7 });
  });

  it('refuses a damaged backup', async () => {
    const backup = join(tmp.dir, 'backup.db');
    await backupDatabase(livePath, backup);
    // Overwrite a page in the middle of the table's b-tree with garbage, as a failing USB stick would.
    const fd = openSync(backup, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 3);
    closeSync(fd);
    expect(verifyDatabaseFile(backup)).toMatchObject({ ok: false, code: 'INTEGRITY_FAILED' });
  });

  it('refuses a file that is not a database', () => {
    const junk = join(tmp.dir, 'junk.db');
    writeFileSync(junk, 'not sqlite at all, just text that is long enough to look like a header......');
    expect(verifyDatabaseFile(junk)).toMatchObject({ ok: false, code: 'INTEGRITY_FAILED' });
    expect(verifyDatabaseFile(join(tmp.dir, 'absent.db'))).toMatchObject({
      ok: false,
      code: 'SOURCE_MISSING',
    });
  });
});
