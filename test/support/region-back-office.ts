// What the Region's own back office can do to its record and no /admin call offers: re-date a debit
// (a misfiled line that moves it to another month). Written straight into the reference server's
// SQLite file, the lowest boundary there is; the server reads statements and lines from that table.
import { openSqlite } from '../../main/sqlite/sqlite-binding';
import type { RegionHandle } from './region-server';

export function redateRegionDebit(region: RegionHandle, debitId: string, occurredAt: string): void {
  const db = openSqlite(region.dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    const changed = db.prepare('UPDATE debits SET occurred_at = ?, occurred_ms = ? WHERE id = ?').run(occurredAt, Date.parse(occurredAt), debitId).changes;
    if (changed !== 1) throw new Error(`no Region debit ${debitId}`);
  } finally {
    db.close();
  }
}
