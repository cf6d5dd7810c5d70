// What the outbox must resend but the hash chain must not hold: the pass token a debit was made with
// (it carries the youth's name and birth date, which must stay purgeable), a void's reason and instant,
// a check-in's token. One small SQLite file beside the journal, written (synchronous=FULL) *before* the
// journal entry that needs it, so a crash between the two leaves at worst an orphan row, never a journal
// entry the outbox cannot send. Rows go once the Region has answered definitely.
import type Database from 'better-sqlite3';
import { openSqlite } from '../sqlite/sqlite-binding';
import { TillError } from '../../preload/contract/errors';
import type { VoidRequestBody } from '../debit/outbox-port';

export interface CheckinRequestBody {
  offerId: string;
  token: string;
  occurredAt: string;
}

export interface PendingCheckin extends CheckinRequestBody {
  checkinId: string;
}

export interface RequestStore {
  putToken(debitId: string, token: string): void;
  /** Many tokens in one transaction (one disk sync). */
  putTokens(tokens: readonly { debitId: string; token: string }[]): void;
  token(debitId: string): string | undefined;
  putVoid(voidId: string, body: VoidRequestBody): void;
  voidBody(voidId: string): VoidRequestBody | undefined;
  putCheckin(checkinId: string, body: CheckinRequestBody): void;
  checkin(checkinId: string): CheckinRequestBody | undefined;
  /** Check-ins still waiting for a definite answer, oldest first. */
  pendingCheckins(): PendingCheckin[];
  countPendingCheckins(): number;
  /** Drops what definite answers made useless (tokens, voids, check-ins), in one transaction. */
  forget(...ids: string[]): void;
  /** The ids of every row of a kind, oldest first (for the sweep at start-up). */
  ids(kind: RequestKind): string[];
  /** Removes every row (end of partnership: tokens hold personal data). */
  purgeAll(): number;
  close(): void;
}

export const REQUEST_STORE_FILE = 'outbox.sqlite';

export type RequestKind = 'token' | 'void' | 'checkin';

export function openRequestStore(path: string): RequestStore {
  let db: Database.Database;
  try {
    db = openSqlite(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS requests (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('token', 'void', 'checkin')),
      body TEXT NOT NULL,
      created_seq INTEGER NOT NULL
    )`);
  } catch (error) {
    throw new TillError('STORAGE_READ_ONLY', `cannot open the outbox ${path}: ${String(error)}`);
  }
  const s = {
    put: db.prepare(`INSERT INTO requests (id, kind, body, created_seq)
      VALUES (?, ?, ?, COALESCE((SELECT MAX(created_seq) FROM requests), 0) + 1)
      ON CONFLICT (id) DO UPDATE SET body = excluded.body`),
    get: db.prepare('SELECT body FROM requests WHERE id = ? AND kind = ?'),
    byKind: db.prepare('SELECT id, body FROM requests WHERE kind = ? ORDER BY created_seq'),
    countByKind: db.prepare('SELECT COUNT(*) FROM requests WHERE kind = ?').pluck(),
    idsByKind: db.prepare('SELECT id FROM requests WHERE kind = ? ORDER BY created_seq').pluck(),
    forget: db.prepare('DELETE FROM requests WHERE id = ?'),
  };
  const put = (id: string, kind: RequestKind, body: unknown) => {
    try {
      s.put.run(id, kind, JSON.stringify(body));
    } catch (error) {
      const text = String(error);
      throw new TillError(/SQLITE_FULL/.test(text) ? 'DISK_FULL' : 'STORAGE_READ_ONLY', `outbox: ${text}`);
    }
  };
  const get = <T>(id: string, kind: RequestKind): T | undefined => {
    const row = s.get.get(id, kind) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as T) : undefined;
  };
  return {
    putToken: (debitId, token) => put(debitId, 'token', token),
    putTokens: (tokens) => db.transaction(() => tokens.forEach((t) => put(t.debitId, 'token', t.token)))(),
    token: (debitId) => get<string>(debitId, 'token'),
    putVoid: (voidId, body) => put(voidId, 'void', body),
    voidBody: (voidId) => get<VoidRequestBody>(voidId, 'void'),
    putCheckin: (checkinId, body) => put(checkinId, 'checkin', body),
    checkin: (checkinId) => get<CheckinRequestBody>(checkinId, 'checkin'),
    pendingCheckins: () =>
      (s.byKind.all('checkin') as { id: string; body: string }[]).map((r) => ({
        checkinId: r.id,
        ...(JSON.parse(r.body) as CheckinRequestBody),
      })),
    forget: db.transaction((...ids: string[]) => {
      for (const id of ids) s.forget.run(id);
    }),
    countPendingCheckins: () => s.countByKind.get('checkin') as number,
    ids: (kind) => s.idsByKind.all(kind) as string[],
    purgeAll() {
      const n = db.prepare('DELETE FROM requests').run().changes;
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
      return n;
    },
    close: () => db.close(),
  };
}
