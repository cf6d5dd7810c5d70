// The read side of the entries: one by seq, or a filtered page in seq order.
import type Database from 'better-sqlite3';
import { normaliseAt, toEntry, type EntryQuery, type JournalEntry } from './journal-entry';
import { SqlFilter, limitSql } from './sql-filter';
import type { EntryRow } from './verify';

export class JournalQueries {
  private readonly getStmt;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare('SELECT * FROM entries WHERE seq = ?');
  }

  get(seq: number): JournalEntry | undefined {
    const r = this.getStmt.get(seq) as EntryRow | undefined;
    return r && toEntry(r);
  }

  list(q: EntryQuery): JournalEntry[] {
    const f = new SqlFilter();
    if (q.fromSeq !== undefined) f.where('seq >= ?', q.fromSeq);
    if (q.toSeq !== undefined) f.where('seq <= ?', q.toSeq);
    if (q.kinds !== undefined) f.whereIn('kind', q.kinds);
    if (q.fromAt !== undefined) f.where('at >= ?', normaliseAt(q.fromAt));
    if (q.toAt !== undefined) f.where('at < ?', normaliseAt(q.toAt));
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    const sql = `SELECT * FROM entries${f.sql} ORDER BY seq ${order}${limitSql(q.limit)}`;
    return (this.db.prepare(sql).all(...f.args) as EntryRow[]).map(toEntry);
  }
}
