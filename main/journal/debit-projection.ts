// Each debit's current state, as a view over its entries. Maintained inside the append transaction
// (so it is never ahead of or behind the chain) and rebuildable from the entries alone.
import type Database from 'better-sqlite3';
import {
  ART_DISCIPLINES,
  CATEGORIES,
  type ArtDiscipline,
  type Category,
  type Item,
  type Wallet,
} from '../../protocol/catalogue';
import { TillError } from '../../preload/contract/errors';
import type { EntryKind } from './entry-kinds';
import type { JsonObject } from './json-value';
import { isProjectedKind, parseProjectedPayload } from './debit-payloads';
import { SqlFilter, limitSql } from './sql-filter';
import {
  instantMs,
  nextDebitState,
  type DebitAnomaly,
  type DebitFact,
  type DebitKind,
  type DebitRow,
  type ProjectedDebitStatus,
} from './debit-transitions';

export type { ProjectedDebitStatus } from './debit-transitions';

/** What the Region has not confirmed yet: the outbox sends these. */
const AWAITING_REGION: readonly ProjectedDebitStatus[] = [
  'requested',
  'pending',
  'offline_accepted',
  'void_pending',
];
/** Money the partner is owed for (until a void is confirmed, a voided-to-be debit still counts). */
export const COUNTED_SQL = `(status IN ('accepted', 'offline_accepted') OR (status = 'void_pending' AND status_before_void IN ('accepted', 'offline_accepted')))`;
const AWAITING_SQL = `status IN (${AWAITING_REGION.map((s) => `'${s}'`).join(', ')})`;

export interface DebitState {
  debitId: string;
  requestSeq: number;
  /** Seq of the latest entry about this debit. */
  lastSeq: number;
  kind: 'debit' | 'coupon';
  category: Category;
  wallet: Wallet;
  item: Item;
  sessions: number | null;
  /** A cycle's artistic discipline (absent for other items, and for cycles recorded before issue 17). */
  discipline?: ArtDiscipline;
  priceCents: number;
  amountCents: number;
  mode: 'online' | 'offline';
  jti: string | null;
  beneficiaryId: string;
  couponId: string | null;
  occurredAt: string;
  cashierId: string | null;
  status: ProjectedDebitStatus;
  /** The last refusal code (of the debit, or of a void that was refused). */
  code: string | null;
  walletBalanceCents: number | null;
  acceptedAt: string | null;
  voidId: string | null;
  regionConfirmed: boolean;
}

export interface DebitListQuery {
  fromAt?: string;
  toAt?: string;
  category?: Category;
  cashierId?: string;
  status?: ProjectedDebitStatus | readonly ProjectedDebitStatus[];
  limit?: number;
}

export type CategoryTotals = Record<Category, { count: number; amountCents: number }>;

export interface DebitProjection {
  get(debitId: string): DebitState | undefined;
  /** Requested, pending, offline-accepted and void-pending debits, in the order they were requested. */
  awaitingRegion(): DebitState[];
  /** How many await the Region (the status bar's count; cheaper than reading them). */
  countAwaitingRegion(): number;
  /** Whether a token's jti already paid (or may have paid) a debit here; a definite refusal frees it. */
  isJtiUsed(jti: string): boolean;
  /** What this till debited offline on a beneficiary and not refused or voided (optionally one wallet, since a date). */
  offlineTotalFor(beneficiaryId: string, wallet?: Wallet, opts?: { since?: string }): number;
  /** Debits whose occurredAt is in [fromAt, toAt), in request order. */
  list(q: DebitListQuery): DebitState[];
  /** Accepted and offline-accepted debits per category, occurredAt in [fromAt, toAt); voided excluded. */
  totals(q: { fromAt?: string; toAt?: string }): CategoryTotals;
}

const CONFIRMED: readonly ProjectedDebitStatus[] = ['accepted', 'refused', 'voided'];

function toState(r: DebitRow): DebitState {
  return {
    debitId: r.debit_id,
    requestSeq: r.request_seq,
    lastSeq: r.last_seq,
    kind: r.kind,
    category: r.category,
    wallet: r.wallet,
    item: r.item,
    sessions: r.sessions,
    priceCents: r.price_cents,
    amountCents: r.amount_cents,
    mode: r.mode,
    jti: r.jti,
    beneficiaryId: r.beneficiary_id,
    couponId: r.coupon_id,
    occurredAt: r.occurred_at,
    cashierId: r.cashier_id,
    status: r.status,
    code: r.code,
    walletBalanceCents: r.wallet_balance_cents,
    acceptedAt: r.accepted_at,
    voidId: r.void_id,
    regionConfirmed: CONFIRMED.includes(r.status),
    ...disciplineOf(r.discipline),
  };
}

function disciplineOf(value: string | null): { discipline?: ArtDiscipline } {
  const discipline = ART_DISCIPLINES.find((d) => d === value);
  return discipline ? { discipline } : {};
}

/** An entry as the projections see it. */
export interface ProjectedEntry {
  seq: number;
  kind: EntryKind;
  at: string;
  cashierId: string | null;
  payload: JsonObject;
}

export class DebitProjectionStore implements DebitProjection {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    const prepare = (sql: string) => db.prepare(sql);
    this.s = {
      get: prepare('SELECT * FROM debits WHERE debit_id = ?'),
      insert:
        prepare(`INSERT INTO debits (debit_id, request_seq, last_seq, kind, category, wallet, item, sessions, discipline, price_cents,
          amount_cents, mode, jti, beneficiary_id, coupon_id, occurred_at, occurred_ms, cashier_id, status, status_before_void,
          code, wallet_balance_cents, accepted_at, void_id)
        VALUES (@debit_id, @request_seq, @last_seq, @kind, @category, @wallet, @item, @sessions, @discipline, @price_cents,
          @amount_cents, @mode, @jti, @beneficiary_id, @coupon_id, @occurred_at, @occurred_ms, @cashier_id, @status, @status_before_void,
          @code, @wallet_balance_cents, @accepted_at, @void_id)`),
      update:
        prepare(`UPDATE debits SET last_seq = @last_seq, status = @status, status_before_void = @status_before_void,
          code = @code, wallet_balance_cents = @wallet_balance_cents, accepted_at = @accepted_at, void_id = @void_id,
          amount_cents = @amount_cents WHERE debit_id = @debit_id`),
      awaiting: prepare(`SELECT * FROM debits WHERE ${AWAITING_SQL} ORDER BY request_seq`),
      awaitingCount: prepare(`SELECT COUNT(*) FROM debits WHERE ${AWAITING_SQL}`).pluck(),
      jti: prepare(`SELECT 1 FROM debits WHERE jti = ? AND status <> 'refused' LIMIT 1`),
      insertClosure: prepare(
        'INSERT INTO closures (kind, period, seq, last_seq, grand_total_cents) VALUES (?, ?, ?, ?, ?)',
      ),
    };
  }

  get(debitId: string): DebitState | undefined {
    const row = this.s.get.get(debitId) as DebitRow | undefined;
    return row ? toState(row) : undefined;
  }

  awaitingRegion(): DebitState[] {
    return (this.s.awaiting.all() as DebitRow[]).map(toState);
  }

  countAwaitingRegion(): number {
    return this.s.awaitingCount.get() as number;
  }

  isJtiUsed(jti: string): boolean {
    return this.s.jti.get(jti) !== undefined;
  }

  offlineTotalFor(beneficiaryId: string, wallet?: Wallet, opts: { since?: string } = {}): number {
    const f = new SqlFilter()
      .where('beneficiary_id = ?', beneficiaryId)
      .where(`mode = 'offline'`)
      .where(`status NOT IN ('refused', 'voided')`);
    if (wallet) f.where('wallet = ?', wallet);
    if (opts.since !== undefined) f.where('occurred_ms >= ?', instantMs(opts.since, 'since'));
    const row = this.db
      .prepare(`SELECT COALESCE(SUM(amount_cents), 0) AS total FROM debits${f.sql}`)
      .get(...f.args) as { total: number };
    return row.total;
  }

  private periodFilter(q: { fromAt?: string; toAt?: string }): SqlFilter {
    const f = new SqlFilter();
    if (q.fromAt !== undefined) f.where('occurred_ms >= ?', instantMs(q.fromAt, 'fromAt'));
    if (q.toAt !== undefined) f.where('occurred_ms < ?', instantMs(q.toAt, 'toAt'));
    return f;
  }

  list(q: DebitListQuery): DebitState[] {
    const f = this.periodFilter(q);
    if (q.category) f.where('category = ?', q.category);
    if (q.cashierId !== undefined) f.where('cashier_id = ?', q.cashierId);
    if (q.status !== undefined) f.whereIn('status', typeof q.status === 'string' ? [q.status] : q.status);
    const sql = `SELECT * FROM debits${f.sql} ORDER BY request_seq${limitSql(q.limit)}`;
    return (this.db.prepare(sql).all(...f.args) as DebitRow[]).map(toState);
  }

  totals(q: { fromAt?: string; toAt?: string }): CategoryTotals {
    const f = this.periodFilter(q).where(COUNTED_SQL);
    const rows = this.db
      .prepare(
        `SELECT category, COUNT(*) AS count, COALESCE(SUM(amount_cents), 0) AS amount FROM debits${f.sql} GROUP BY category`,
      )
      .all(...f.args) as { category: Category; count: number; amount: number }[];
    const out = Object.fromEntries(
      CATEGORIES.map((c) => [c, { count: 0, amountCents: 0 }]),
    ) as CategoryTotals;
    for (const r of rows) out[r.category] = { count: r.count, amountCents: r.amount };
    return out;
  }

  /** How many debits of a period still await the Region (closures wait for them). */
  awaitingIn(fromMs: number, toMs: number): number {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM debits WHERE ${AWAITING_SQL} AND occurred_ms >= ? AND occurred_ms < ?`,
      )
      .get(fromMs, toMs) as { n: number };
    return row.n;
  }

  /** Projects one entry; must run inside the transaction that appends it. */
  apply(entry: ProjectedEntry, onInvalid: 'INPUT_INVALID' | 'JOURNAL_BROKEN'): void {
    const kind = entry.kind;
    if (!isProjectedKind(kind)) return;
    if (kind === 'DAY_CLOSED' || kind === 'MONTH_CLOSED') {
      const p = parseProjectedPayload(kind, entry.payload, onInvalid);
      const closureKind = kind === 'DAY_CLOSED' ? 'day' : 'month';
      try {
        this.s.insertClosure.run(closureKind, p.period, entry.seq, p.lastSeq, p.grandTotalCents);
      } catch (error) {
        // Only the unique key on (kind, period) means "already closed"; a full disk or any other SQLite error
        // is itself, and reaches the caller as such (the journal maps it to DISK_FULL, STORAGE_READ_ONLY…).
        if (
          (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
          (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
        ) {
          throw new TillError(onInvalid, `${closureKind} ${p.period} is already closed`);
        }
        throw error;
      }
      return;
    }
    this.follow(entry, kind, onInvalid);
  }

  /** A fact about one debit: the row as nextDebitState leaves it, written back. */
  private follow(
    entry: ProjectedEntry,
    kind: DebitKind,
    onInvalid: 'INPUT_INVALID' | 'JOURNAL_BROKEN',
  ): void {
    const payload = parseProjectedPayload(kind, entry.payload, onInvalid);
    // The mapped union cannot be narrowed from a generic kind: the payload was parsed with this very kind.
    const fact = { seq: entry.seq, kind, at: entry.at, cashierId: entry.cashierId, payload } as DebitFact;
    const row = this.s.get.get(payload.debitId) as DebitRow | undefined;
    const step = nextDebitState(row, fact);
    if ('anomaly' in step) throw new TillError(anomalyCode(step.anomaly, onInvalid), step.detail);
    if (row) this.s.update.run(step.next);
    else this.s.insert.run(step.next);
  }

  clear(): void {
    this.db.exec('DELETE FROM debits; DELETE FROM closures;');
  }
}

function anomalyCode(
  anomaly: DebitAnomaly,
  onInvalid: 'INPUT_INVALID' | 'JOURNAL_BROKEN',
): 'IDEMPOTENCY_CONFLICT' | 'UNKNOWN_DEBIT' | 'INPUT_INVALID' | 'JOURNAL_BROKEN' {
  if (anomaly === 'ALREADY_REQUESTED') return 'IDEMPOTENCY_CONFLICT';
  // The engine is told the debit is unknown; a file whose own facts name one is broken.
  if (anomaly === 'UNKNOWN_DEBIT' && onInvalid === 'INPUT_INVALID') return 'UNKNOWN_DEBIT';
  return onInvalid;
}
