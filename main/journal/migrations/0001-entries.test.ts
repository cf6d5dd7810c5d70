import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/support/tmp';
import { GENESIS_HASH } from '../chain-hash';
import { rawAppend } from '../../../test/support/journal-fixtures';
import { migrate, schemaVersion } from './index';

const tmp = makeTempDir('m0001');
afterEach(() => tmp.remove());

it('0001 creates the append-only entries, a genesis head and settings on an empty file', () => {
  const db = new Database(join(tmp.dir, 'j.sqlite'));
  try {
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, 1)).toEqual({ from: 0, to: 1, rebuildProjections: false });
    expect(db.prepare('SELECT seq, hash, device_id FROM chain_head').all()).toEqual([
      { seq: 0, hash: GENESIS_HASH, device_id: null },
    ]);
    rawAppend(db, 'STARTUP', { pid: 1 });
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    expect(db.prepare('SELECT seq, kind, payload FROM entries').all()).toEqual([
      { seq: 1, kind: 'STARTUP', payload: '{"pid":1}' },
    ]);
    expect(() => db.prepare('UPDATE entries SET kind = ?').run('LOGIN')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM entries').run()).toThrow(/append-only/);
  } finally {
    db.close();
  }
});
