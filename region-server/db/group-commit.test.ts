import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tmp';
import { GroupCommit } from './group-commit';
import { openDatabase } from './open-database';
import type { Db } from './open-database';

const temps: { remove: () => void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

function fresh(): { db: Db; path: string } {
  const temp = makeTempDir('group-commit');
  temps.push(temp);
  const path = join(temp.dir, 'region.db');
  return { db: openDatabase(path), path };
}

describe('GroupCommit', () => {
  it('runs a batch in order, rolls back only the write that throws, and commits the rest durably', async () => {
    const { db, path } = fresh();
    const commits = new GroupCommit(db);
    const put =
      (key: string, fail = false) =>
      () => {
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, '1');
        if (fail) throw new Error(`refused ${key}`);
        return key;
      };
    const results = await Promise.allSettled([
      commits.submit(put('a')),
      commits.submit(put('b', true)),
      commits.submit(put('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    db.close();
    const reopened = openDatabase(path);
    expect(
      (reopened.prepare('SELECT key FROM settings ORDER BY key').all() as { key: string }[]).map(
        (r) => r.key,
      ),
    ).toEqual(['a', 'c']);
    reopened.close();
  });

  it('sees earlier writes of the same batch, as if run one by one', async () => {
    const { db } = fresh();
    const commits = new GroupCommit(db);
    db.prepare("INSERT INTO counters (name, value) VALUES ('n', 0)").run();
    const bump = () =>
      (
        db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'n' RETURNING value").get() as {
          value: number;
        }
      ).value;
    const values = await Promise.all(Array.from({ length: 10 }, () => commits.submit(bump)));
    expect(values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    db.close();
  });
});
