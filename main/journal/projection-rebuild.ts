// The debit and closure projections rebuilt from the entries alone: after a migration that changes them
// (opening does it), or on demand. One IMMEDIATE transaction: readers never see a half-built projection.
import type Database from 'better-sqlite3';
import { TillError } from '../../preload/contract/errors';
import { isProjectedKind } from './debit-payloads';
import { DebitProjectionStore } from './debit-projection';
import { isEntryKind } from './entry-kinds';
import type { JsonObject } from './json-value';
import { PROJECTIONS_STALE_KEY } from './migrations';
import type { EntryRow } from './verify';

/** JOURNAL_BROKEN if an entry cannot be read or its facts contradict each other. */
export function rebuildProjections(db: Database.Database): void {
  const store = new DebitProjectionStore(db);
  type Row = Pick<EntryRow, 'seq' | 'kind' | 'at' | 'cashier_id' | 'payload'>;
  // Pages rather than one iterator: the projection writes while we walk, and better-sqlite3 runs no
  // other statement on a connection while an iterator is open. Pages keep memory bounded too.
  const page = db.prepare(
    'SELECT seq, kind, at, cashier_id, payload FROM entries WHERE seq > ? ORDER BY seq LIMIT 10000',
  );
  db.transaction(() => {
    store.clear();
    db.prepare('DELETE FROM settings WHERE key = ?').run(PROJECTIONS_STALE_KEY);
    for (let cursor = 0; ;) {
      const rows = page.all(cursor) as Row[];
      if (rows.length === 0) return;
      cursor = rows[rows.length - 1]!.seq;
      for (const r of rows) {
        if (!isEntryKind(r.kind) || !isProjectedKind(r.kind)) continue;
        let payload: JsonObject;
        try {
          payload = JSON.parse(r.payload) as JsonObject;
        } catch {
          throw new TillError('JOURNAL_BROKEN', `entry ${r.seq} has an unreadable payload`);
        }
        store.apply(
          { seq: r.seq, kind: r.kind, at: r.at, cashierId: r.cashier_id, payload },
          'JOURNAL_BROKEN',
        );
      }
    }
  }).immediate();
}
