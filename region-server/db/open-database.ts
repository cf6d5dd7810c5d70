import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type { Db };

/** Opens (creating if needed) the server's database and brings its schema up to date. */
export function openDatabase(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // WAL defaults to NORMAL in better-sqlite3, which may lose an acknowledged commit on power loss:
  // an answered debit must survive, so every commit is synced.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  cachePreparedStatements(db);
  const version = Number(db.pragma('user_version', { simple: true }));
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}

/**
 * Makes `db.prepare` compile each SQL text once per connection: handlers prepare their statements
 * inline for readability, and recompiling them on every request cost a third of a debit's time.
 * Safe because statements are only used with run/get/all, never held open by iterate().
 */
function cachePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const cached = (source: string): Statement => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  };
  db.prepare = cached as Db['prepare'];
}
