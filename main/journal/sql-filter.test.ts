import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { SqlFilter, limitSql } from './sql-filter';

it('binds every value, joins conditions with AND, and an empty IN list matches nothing', () => {
  const db = new Database(':memory:');
  try {
    db.exec("CREATE TABLE t (k TEXT, n INTEGER); INSERT INTO t VALUES ('a', 1), ('b', 2), ('c', 3);");
    const select = (f: SqlFilter) =>
      db
        .prepare(`SELECT k FROM t${f.sql} ORDER BY k`)
        .pluck()
        .all(...f.args);
    expect(select(new SqlFilter())).toEqual(['a', 'b', 'c']);
    expect(select(new SqlFilter().whereIn('k', ['a', 'c', "x' OR 1=1 --"]).where('n > ?', 1))).toEqual(['c']);
    expect(select(new SqlFilter().whereIn('k', []))).toEqual([]);
  } finally {
    db.close();
  }
});

it('writes a limit as a whole number, never negative', () => {
  expect(limitSql(undefined)).toBe('');
  expect(limitSql(2.7)).toBe(' LIMIT 2');
  expect(limitSql(-3)).toBe(' LIMIT 0');
});
