// The read side of the entries: one by seq, or a filtered page in seq order.
import type Database from 'better-sqlite3';
import { normaliseAt, toEntry, type EntryQuery, type JournalEntry } from './journal-entry';
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
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.fromSeq !== undefined) {
      where.push('seq >= ?');
      args.push(q.fromSeq);
    }
    if (q.toSeq !== undefined) {
      where.push('seq <= ?');
      args.push(q.toSeq);
    }
    if (q.kinds !== undefined) {
      where.push(`kind IN (${q.kinds.map(() => '?').join(', ') || 'NULL'})`);
      args.push(...q.kinds);
    }
    if (q.fromAt !== undefined) {
      where.push('at >= ?');
      args.push(normaliseAt(q.fromAt));
    }
    if (q.toAt !== undefined) {
      where.push('at < ?');
      args.push(normaliseAt(q.toAt));
    }
    const order = q.order === 'desc' ? 'DESC' : 'ASC';
    const limit = q.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(q.limit))}` : '';
    const sql = `SELECT * FROM entries${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq ${order}${limit}`;
    return (this.db.prepare(sql).all(...args) as EntryRow[]).map(toEntry);
  }
}
