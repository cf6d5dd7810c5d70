// The journal: the partner's evidence (architecture.md "The journal"). One SQLite file per till, one
// connection per process; every fact is an appended, hash-chained entry with a gapless sequence, and
// state (debits, closures) is a projection kept in the same transaction as the append.
import type Database from 'better-sqlite3';
import { openSqlite } from '../sqlite/sqlite-binding';
import { TillError } from '../../preload/contract/errors';
import { CanonicalJsonError, GENESIS_HASH, canonicalJson, chainHash, entryJson } from './chain-hash';
import { replayJournal } from './closure-replay';
import { closurePeriod, type ClosureKind } from './closures';
import { isProjectedKind } from './debit-payloads';
import { DebitProjectionStore, parseProjectedPayload, type DebitProjection } from './debit-projection';
import { isEntryKind, type EntryKind } from './entry-kinds';
import type { JsonObject, JsonValue } from './json-value';
import {
  LATEST_VERSION,
  PROJECTIONS_STALE_KEY,
  migrate,
  projectionsStale,
  schemaVersion,
} from './migrations';
import { PersonStore, type Persons } from './persons';
import { VoidNoteStore, type VoidNotes } from './void-notes';
import { VOID_REASON_CODES } from '../../preload/contract/journal';
import { SettingsStore, type Settings } from './settings';
import { mapStorageErrors, readOnlyMediaError, storageError } from './storage-errors';
import { verifyChain, verifyJournal, type EntryRow, type VerifyResult } from './verify';

export type { JsonValue, JsonObject } from './json-value';
export type { EntryKind } from './entry-kinds';
export { ENTRY_KINDS } from './entry-kinds';
export type { VerifyResult, ChainProblem } from './verify';
export type {
  DebitProjection,
  DebitState,
  ProjectedDebitStatus,
  DebitListQuery,
  CategoryTotals,
} from './debit-projection';
export type { Person, Persons } from './persons';
export type { Settings } from './settings';
export type { VoidNotes } from './void-notes';

export interface JournalEntry {
  seq: number;
  deviceId: string | null;
  kind: EntryKind;
  /** ISO 8601 (UTC, milliseconds), by the till's clock; the sequence, not this, orders entries. */
  at: string;
  cashierId: string | null;
  payload: { [k: string]: JsonValue };
  prevHash: string;
  hash: string;
}

export interface AppendInput {
  kind: EntryKind;
  /** Members set to undefined are left out (as JSON.stringify does), so optional fields can be passed through. */
  payload: { [k: string]: JsonValue | undefined };
  cashierId?: string | null;
  /** Defaults to now; any ISO 8601 date-time, stored normalised to UTC with milliseconds. */
  at?: string;
}

export interface EntryQuery {
  fromSeq?: number;
  toSeq?: number;
  kinds?: EntryKind[];
  /** Inclusive lower bound on `at`. */
  fromAt?: string;
  /** Exclusive upper bound on `at`. */
  toAt?: string;
  limit?: number;
  order?: 'asc' | 'desc';
}

export interface StorageInfo {
  journalMode: string;
  /** 2 = FULL. */
  synchronous: number;
  schemaVersion: number;
  readOnly: boolean;
}

export interface Journal {
  readonly path: string;
  /** Durable (committed with synchronous=FULL) when it returns. Throws TillError('DISK_FULL' | 'STORAGE_READ_ONLY' | 'JOURNAL_BROKEN'). */
  append(input: AppendInput): JournalEntry;
  /** Several entries in one transaction, gapless. */
  appendAll(inputs: readonly AppendInput[]): JournalEntry[];
  head(): { seq: number; hash: string };
  get(seq: number): JournalEntry | undefined;
  list(q: EntryQuery): JournalEntry[];
  /** Walks every entry (bounded memory) and names the first broken one. */
  verify(): VerifyResult;
  /** Once, at enrolment; setting the same id again is harmless, another id is ALREADY_ENROLLED. */
  setDeviceId(id: string): void;
  deviceId(): string | null;
  settings: Settings;
  /** Free-text notes of voids, outside the chain, purged with the personal data. */
  voidNotes: VoidNotes;
  persons: Persons;
  debits: DebitProjection;
  /** Z-closure of a Paris day. CLOSURE_PENDING_DEBITS while any debit of that day awaits the Region. Idempotent. */
  closeDay(day: string, cashierId: string | null): JournalEntry;
  /** Closure of a Paris month (YYYY-MM). Same rules as closeDay. */
  closeMonth(month: string, cashierId: string | null): JournalEntry;
  /** The closure entry of a period, if made. */
  closure(kind: ClosureKind, period: string): JournalEntry | undefined;
  /** Rebuilds the debit and closure projections from the entries (JOURNAL_BROKEN if an entry cannot be read). */
  rebuildProjections(): void;
  /** Set when the file's head did not match its last entry at opening: every append is then refused. */
  readonly brokenAtOpen: string | null;
  storage(): StorageInfo;
  close(): void;
}

export interface OpenJournalOptions {
  now?: () => Date;
  /** Open without writing (verification, audits): appends fail with STORAGE_READ_ONLY. */
  readOnly?: boolean;
  /** A quota for the file (SQLite max_page_count): writes past it fail with DISK_FULL. */
  maxSizeBytes?: number;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function normaliseAt(at: string): string {
  const ms = Date.parse(at);
  if (!ISO_DATE_TIME.test(at) || !Number.isFinite(ms))
    throw new TillError('INPUT_INVALID', `not an ISO date-time: ${at}`);
  return new Date(ms).toISOString();
}

function toEntry(r: EntryRow): JournalEntry {
  return {
    seq: r.seq,
    deviceId: r.device_id,
    kind: r.kind as EntryKind,
    at: r.at,
    cashierId: r.cashier_id,
    payload: JSON.parse(r.payload) as JsonObject,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

interface Prepared {
  kind: EntryKind;
  payload: JsonObject;
  payloadJson: string;
  cashierId: string | null;
  at: string;
}

export function openJournal(path: string, opts: OpenJournalOptions = {}): Journal {
  const now = opts.now ?? (() => new Date());
  const readOnly = opts.readOnly === true;
  let db: Database.Database;
  try {
    db = openSqlite(path, { readonly: readOnly, fileMustExist: readOnly });
  } catch (error) {
    throw storageError(error) ?? readOnlyMediaError(path, error) ?? error;
  }
  try {
    if (!readOnly) db.pragma('journal_mode = WAL');
    // better-sqlite3 leaves WAL at NORMAL, which can lose acknowledged commits on power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    if (opts.maxSizeBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(opts.maxSizeBytes / pageSize))}`);
    }
    if (readOnly) {
      const version = schemaVersion(db);
      if (version > LATEST_VERSION) migrate(db); // throws the newer-version error
      if (version < LATEST_VERSION)
        throw new TillError(
          'STORAGE_READ_ONLY',
          `the journal is at schema ${version} and needs migrating to ${LATEST_VERSION}: open it writable once`,
        );
    } else {
      mapStorageErrors(() => migrate(db));
      if (projectionsStale(db)) mapStorageErrors(rebuild);
    }
  } catch (error) {
    db.close();
    throw readOnlyMediaError(path, error) ?? error;
  }

  const s = {
    head: db.prepare('SELECT seq, hash, device_id FROM chain_head WHERE id = 1'),
    last: db.prepare('SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare(
      'INSERT INTO entries (seq, device_id, kind, at, cashier_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    setHead: db.prepare('UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1'),
    setDevice: db.prepare('UPDATE chain_head SET device_id = ? WHERE id = 1'),
    get: db.prepare('SELECT * FROM entries WHERE seq = ?'),
    closure: db.prepare('SELECT seq FROM closures WHERE kind = ? AND period = ?'),
  };
  const readHead = () => {
    const head = s.head.get() as { seq: number; hash: string; device_id: string | null } | undefined;
    if (!head)
      throw new TillError('JOURNAL_HEAD_MISSING', 'the chain-head row is missing: run `till journal verify`');
    return head;
  };
  const debits = new DebitProjectionStore(db);

  function rebuild(): void {
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

  let brokenAtOpen: string | null = null;
  if (!s.head.get()) {
    // Without its head the file cannot take an append or be trusted: a writable opening (the till) refuses
    // with a code the UI shows; a read-only one (verify, audits) opens so verify can name the problem.
    const detail = 'the chain-head row is missing: run `till journal verify`';
    if (!readOnly) {
      db.close();
      throw new TillError('JOURNAL_HEAD_MISSING', detail);
    }
    brokenAtOpen = detail;
  } else {
    const head = readHead();
    const last = s.last.get() as { seq: number; hash: string } | undefined;
    const lastSeq = last?.seq ?? 0;
    const lastHash = last?.hash ?? GENESIS_HASH;
    if (head.seq !== lastSeq || head.hash !== lastHash) {
      brokenAtOpen = `the chain head (${head.seq}) does not match the last entry (${lastSeq}): run \`till journal verify\``;
    }
  }

  function prepare(input: AppendInput): Prepared {
    if (!isEntryKind(input.kind))
      throw new TillError('INPUT_INVALID', `unknown entry kind: ${String(input.kind)}`);
    if (input.payload === null || typeof input.payload !== 'object' || Array.isArray(input.payload)) {
      throw new TillError('INPUT_INVALID', `${input.kind}: the payload must be an object`);
    }
    let payloadJson: string;
    try {
      payloadJson = canonicalJson(input.payload as JsonObject);
    } catch (error) {
      if (error instanceof CanonicalJsonError)
        throw new TillError('INPUT_INVALID', `${input.kind} payload: ${error.message}`);
      throw error;
    }
    // What is hashed is what is stored and what is returned: the payload as read back from its canonical text.
    const payload = JSON.parse(payloadJson) as JsonObject;
    if (isProjectedKind(input.kind)) parseProjectedPayload(input.kind, payload, 'INPUT_INVALID');
    // The chain keeps a void's reason as a code only: free text may name a youth (it goes to voidNotes).
    if (
      input.kind === 'VOID_REQUESTED' &&
      !(VOID_REASON_CODES as readonly unknown[]).includes(payload['reason'])
    ) {
      throw new TillError(
        'INPUT_INVALID',
        `VOID_REQUESTED reason must be one of ${VOID_REASON_CODES.join(', ')}`,
      );
    }
    return {
      kind: input.kind,
      payload,
      payloadJson,
      cashierId: input.cashierId ?? null,
      at: input.at !== undefined ? normaliseAt(input.at) : now().toISOString(),
    };
  }

  /** Appends inside the caller's transaction. */
  function appendPrepared(items: readonly Prepared[]): JournalEntry[] {
    const head = readHead();
    let seq = head.seq;
    let prevHash = head.hash;
    const out: JournalEntry[] = [];
    for (const p of items) {
      seq += 1;
      const fields = { seq, deviceId: head.device_id, kind: p.kind, at: p.at, cashierId: p.cashierId };
      const hash = chainHash(prevHash, entryJson(fields, p.payloadJson));
      s.insert.run(seq, head.device_id, p.kind, p.at, p.cashierId, p.payloadJson, prevHash, hash);
      const entry: JournalEntry = { ...fields, payload: p.payload, prevHash, hash };
      debits.apply(entry, 'INPUT_INVALID');
      out.push(entry);
      prevHash = hash;
    }
    s.setHead.run(seq, prevHash);
    return out;
  }

  const appendTx = db.transaction((items: readonly Prepared[]) => appendPrepared(items));

  function appendAll(inputs: readonly AppendInput[]): JournalEntry[] {
    if (brokenAtOpen) throw new TillError('JOURNAL_BROKEN', brokenAtOpen);
    const items = inputs.map(prepare);
    if (items.length === 0) return [];
    // IMMEDIATE: take the write lock before reading the head, so another process (the CLI) cannot
    // append between our read and our write.
    return mapStorageErrors(() => appendTx.immediate(items));
  }

  function getEntry(seq: number): JournalEntry | undefined {
    const r = s.get.get(seq) as EntryRow | undefined;
    return r && toEntry(r);
  }

  function close(kind: ClosureKind, period: string, cashierId: string | null): JournalEntry {
    if (brokenAtOpen) throw new TillError('JOURNAL_BROKEN', brokenAtOpen);
    const { start, end } = closurePeriod({ kind, period, nowMs: now().getTime() });
    const entryKind: EntryKind = kind === 'day' ? 'DAY_CLOSED' : 'MONTH_CLOSED';
    const tx = db.transaction((): JournalEntry => {
      const existing = s.closure.get(kind, period) as { seq: number } | undefined;
      if (existing)
        throw new TillError('PERIOD_ALREADY_CLOSED', `${period} was closed by entry ${existing.seq}`, {
          period,
          seq: existing.seq,
        });
      // The totals come from the chain itself, proven intact first: the debits table is only a cache
      // a file editor could have rewritten (issue 15).
      const chain = verifyChain(db);
      if (!chain.ok) throw new TillError('JOURNAL_BROKEN', `entry ${chain.seq}: ${chain.detail}`);
      const replay = replayJournal(db);
      try {
        const waiting = replay.projection.awaitingIn(start, end);
        if (waiting > 0) {
          throw new TillError(
            'CLOSURE_PENDING_DEBITS',
            `${waiting} debit(s) of ${period} still await the Region`,
            { count: waiting, period },
          );
        }
        const head = readHead();
        const payload = replay.expected(kind, period, head.seq, head.hash);
        const [entry] = appendPrepared([prepare({ kind: entryKind, payload: { ...payload }, cashierId })]);
        return entry!;
      } finally {
        replay.close();
      }
    });
    return mapStorageErrors(() => tx.immediate());
  }

  return {
    path,
    append: (input) => appendAll([input])[0]!,
    appendAll,
    head() {
      const h = readHead();
      return { seq: h.seq, hash: h.hash };
    },
    get: getEntry,
    list(q) {
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
      return (db.prepare(sql).all(...args) as EntryRow[]).map(toEntry);
    },
    verify: () => verifyJournal(db),
    setDeviceId(id) {
      if (typeof id !== 'string' || id.length === 0 || id.length > 128)
        throw new TillError('INPUT_INVALID', 'device id');
      mapStorageErrors(() =>
        db
          .transaction(() => {
            const current = readHead().device_id;
            if (current === id) return;
            if (current !== null)
              throw new TillError('ALREADY_ENROLLED', `this journal belongs to device ${current}`);
            s.setDevice.run(id);
          })
          .immediate(),
      );
    },
    // Readable without a head row (verify of a damaged file still reports the device if it can).
    deviceId: () => (s.head.get() as { device_id: string | null } | undefined)?.device_id ?? null,
    settings: new SettingsStore(db),
    persons: new PersonStore(db, now),
    voidNotes: new VoidNoteStore(db, now),
    debits,
    closeDay: (day, cashierId) => close('day', day, cashierId),
    closeMonth: (month, cashierId) => close('month', month, cashierId),
    closure(kind, period) {
      const row = s.closure.get(kind, period) as { seq: number } | undefined;
      return row && getEntry(row.seq);
    },
    rebuildProjections: () => mapStorageErrors(rebuild),
    brokenAtOpen,
    storage: () => ({
      journalMode: db.pragma('journal_mode', { simple: true }) as string,
      synchronous: db.pragma('synchronous', { simple: true }) as number,
      schemaVersion: schemaVersion(db),
      readOnly,
    }),
    close: () => db.close(),
  };
}
