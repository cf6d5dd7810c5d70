// Closures computed from the chained entries themselves, never from the `debits` table a file editor can
// rewrite. A replay walks the entries in seq order into a private in-memory debit projection (the same
// state machine, debit-projection.ts) and turns every change of a debit's counted contribution into a
// signed line. Closing a period and verifying every closure already made both run it, so a closure is
// exactly what the chain says at its own place in the chain.
//
// Format 2 (certified-till rule, closures.ts): a line belongs to the open period of the debit's
// `occurredAt`; a line whose period is already sealed (a void or a late answer recorded after the
// closure) is carried into the next closure of that kind, listed as a correction. Sealed closures never
// change, and the perpetual grand total always equals the journal's net total up to the last closure.
// Format 1 (closures written before this rule): the period's debits as they stood when it was closed.
import type Database from 'better-sqlite3';
import { openSqlite } from '../sqlite/sqlite-binding';
import { CATEGORIES, type Category } from '../../protocol/catalogue';
import { parisDay, parisMonth } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';
import type { ClosureKind } from './closures';
import { canonicalJson } from './chain-hash';
import {
  PROJECTED_PAYLOADS,
  closureSchema,
  type ClosureLine,
  type ClosurePayload,
  type ProjectedKind,
} from './debit-payloads';
import { COUNTED_SQL, DebitProjectionStore } from './debit-projection';
import { isEntryKind } from './entry-kinds';
import type { JsonObject, JsonValue } from './json-value';
import { migrate, projectionsStale } from './migrations';
import { SqlFilter } from './sql-filter';

export type { ClosureLine } from './debit-payloads';
export type Totals = Record<Category, { count: number; amountCents: number }>;

export const CLOSURE_FORMAT = 2;

const zeroTotals = (): Totals =>
  Object.fromEntries(CATEGORIES.map((c) => [c, { count: 0, amountCents: 0 }])) as Totals;

function add(t: Totals, category: Category, count: number, amountCents: number): void {
  t[category] = { count: t[category].count + count, amountCents: t[category].amountCents + amountCents };
}

interface KindState {
  /** Sealed periods and the seq of their closure entry. */
  sealed: Map<string, number>;
  /** Lines of periods not sealed yet, by period. */
  open: Map<string, Totals>;
  /** Every line by its debit's period, sealed or not: what a format-1 closure saw. */
  byPeriod: Map<string, Totals>;
  /** Lines recorded after their period was sealed, waiting for the next closure. */
  carried: ClosureLine[];
  previous: { grandTotalCents: number; lastSeq: number } | undefined;
}

/** The fields of an entry a replay reads. */
export interface ReplayRow {
  seq: number;
  kind: string;
  at: string;
  cashier_id: string | null;
  payload: string;
}

interface Contribution {
  category: Category;
  occurredMs: number;
  count: number;
  amountCents: number;
}

/** The kinds a replay reads: those the debit projection reads (debits, voids, coupons, closures). */
export const REPLAYED_KINDS = Object.keys(PROJECTED_PAYLOADS) as ProjectedKind[];

export class ClosureReplay {
  private readonly mem = openSqlite(':memory:');
  private readonly store: DebitProjectionStore;
  private readonly contribution;
  private readonly counted = new Map<string, Contribution>();
  private readonly state: Record<ClosureKind, KindState> = {
    day: ClosureReplay.emptyState(),
    month: ClosureReplay.emptyState(),
  };

  constructor() {
    // Every migration, not only the projection's: the replayed tables have exactly the stored ones' columns.
    migrate(this.mem);
    this.store = new DebitProjectionStore(this.mem);
    this.contribution = this.mem.prepare(
      `SELECT category, occurred_ms AS occurredMs, amount_cents AS amountCents, ${COUNTED_SQL} AS counted FROM debits WHERE debit_id = ?`,
    );
  }

  private static emptyState(): KindState {
    return { sealed: new Map(), open: new Map(), byPeriod: new Map(), carried: [], previous: undefined };
  }

  /** The replayed projection (awaiting debits, states) as the chain alone defines it. */
  get projection(): DebitProjectionStore {
    return this.store;
  }

  /** The database of the replayed projection, for comparing it with the stored one. */
  get database(): Database.Database {
    return this.mem;
  }

  /**
   * Paris periods by UTC hour: Paris is a whole number of hours from UTC, so every instant of one UTC hour
   * falls in the same Paris day and month (and Intl formatting per entry dominated the replay).
   */
  private readonly periods = new Map<number, { day: string; month: string }>();

  private periodOf(kind: ClosureKind, ms: number): string {
    const hour = Math.floor(ms / 3_600_000);
    let p = this.periods.get(hour);
    if (!p) {
      p = { day: parisDay(ms), month: parisMonth(ms) };
      this.periods.set(hour, p);
    }
    return kind === 'day' ? p.day : p.month;
  }

  private contributionOf(debitId: string): Contribution | null {
    const r = this.contribution.get(debitId) as
      { category: Category; occurredMs: number; amountCents: number; counted: number } | undefined;
    if (!r) return null;
    return {
      category: r.category,
      occurredMs: r.occurredMs,
      count: r.counted ? 1 : 0,
      amountCents: r.counted ? r.amountCents : 0,
    };
  }

  /**
   * Replays one entry of a debit kind (other kinds are ignored; closures go through `sealFromEntry`).
   * Throws TillError('JOURNAL_BROKEN') when the chain's facts contradict each other.
   */
  applyDebitEntry(row: ReplayRow): void {
    if (!isEntryKind(row.kind) || row.kind === 'DAY_CLOSED' || row.kind === 'MONTH_CLOSED') return;
    if (!(REPLAYED_KINDS as readonly string[]).includes(row.kind)) return;
    let payload: JsonObject;
    try {
      payload = JSON.parse(row.payload) as JsonObject;
    } catch {
      throw new TillError('JOURNAL_BROKEN', `entry ${row.seq} has an unreadable payload`);
    }
    const debitId = typeof payload['debitId'] === 'string' ? payload['debitId'] : null;
    // What each debit counted after its last entry, kept here: one read per entry instead of two.
    const before = debitId ? (this.counted.get(debitId) ?? null) : null;
    this.store.apply(
      { seq: row.seq, kind: row.kind, at: row.at, cashierId: row.cashier_id, payload },
      'JOURNAL_BROKEN',
    );
    const after = debitId ? this.contributionOf(debitId) : null;
    if (debitId && after) this.counted.set(debitId, after);
    if (!after) return;
    const dCount = after.count - (before?.count ?? 0);
    const dAmount = after.amountCents - (before?.amountCents ?? 0);
    if (dCount === 0 && dAmount === 0) return;
    for (const kind of ['day', 'month'] as const) {
      const st = this.state[kind];
      const period = this.periodOf(kind, after.occurredMs);
      const all = st.byPeriod.get(period) ?? zeroTotals();
      add(all, after.category, dCount, dAmount);
      st.byPeriod.set(period, all);
      if (st.sealed.has(period)) {
        st.carried.push({
          seq: row.seq,
          debitId: debitId!,
          period,
          category: after.category,
          count: dCount,
          amountCents: dAmount,
        });
      } else {
        const open = st.open.get(period) ?? zeroTotals();
        add(open, after.category, dCount, dAmount);
        st.open.set(period, open);
      }
    }
  }

  /** What a closure of `period` appended right after entry `lastSeq` (whose hash is `lastHash`) must hold. */
  expected(
    kind: ClosureKind,
    period: string,
    lastSeq: number,
    lastHash: string,
    format: 1 | 2 = CLOSURE_FORMAT,
  ): ClosurePayload {
    const st = this.state[kind];
    const totals = zeroTotals();
    const corrections = format === 2 ? st.carried.map((l) => ({ ...l })) : [];
    const base = format === 2 ? st.open.get(period) : st.byPeriod.get(period);
    for (const c of CATEGORIES) {
      if (base) add(totals, c, base[c].count, base[c].amountCents);
    }
    for (const l of corrections) add(totals, l.category, l.count, l.amountCents);
    const values = Object.values(totals);
    const periodTotalCents = values.reduce((sum, t) => sum + t.amountCents, 0);
    const payload: ClosurePayload = {
      period,
      totals,
      count: values.reduce((sum, t) => sum + t.count, 0),
      periodTotalCents,
      grandTotalCents: (st.previous?.grandTotalCents ?? 0) + periodTotalCents,
      firstSeq: (st.previous?.lastSeq ?? 0) + 1,
      lastSeq,
      lastHash,
    };
    return format === 2 ? { format: 2, ...payload, corrections } : payload;
  }

  /** Seals a period at closure entry `seq` (its payload as written): later lines for it are carried. */
  seal(kind: ClosureKind, period: string, seq: number, written: ClosurePayload, at: string): void {
    const st = this.state[kind];
    this.store.apply(
      {
        seq,
        kind: kind === 'day' ? 'DAY_CLOSED' : 'MONTH_CLOSED',
        at,
        cashierId: null,
        payload: written as unknown as JsonObject,
      },
      'JOURNAL_BROKEN',
    );
    st.sealed.set(period, seq);
    st.open.delete(period);
    if (written.format === 2) st.carried = [];
    st.previous = { grandTotalCents: written.grandTotalCents, lastSeq: written.lastSeq };
  }

  sealedAt(kind: ClosureKind, period: string): number | undefined {
    return this.state[kind].sealed.get(period);
  }

  close(): void {
    this.mem.close();
  }
}

const kindOfEntry = (kind: string): ClosureKind | null =>
  kind === 'DAY_CLOSED' ? 'day' : kind === 'MONTH_CLOSED' ? 'month' : null;

/** A closure the chain contradicts: the entry and what differs. */
export interface ClosureFinding {
  seq: number;
  problem: 'CLOSURE_MISMATCH' | 'PROJECTION_MISMATCH' | 'FACTS_INCONSISTENT';
  detail: string;
}

/**
 * Replays the whole journal (bounded by the number of debits, not of entries). With `check`, compares
 * every closure with what the chain says at its place and returns the first that differs; the replay
 * is closed then. Without, returns the replay ready to compute the next closure.
 */
export function replayJournal(db: Database.Database, opts: { check: true }): ClosureFinding | null;
export function replayJournal(db: Database.Database, opts?: { check?: false }): ClosureReplay;
export function replayJournal(
  db: Database.Database,
  opts: { check?: boolean } = {},
): ClosureReplay | ClosureFinding | null {
  const replay = new ClosureReplay();
  // One transaction for the whole replay: the in-memory tables take a write per entry.
  replay.database.exec('BEGIN');
  const replayed = new SqlFilter().whereIn('kind', REPLAYED_KINDS);
  const rows = db
    .prepare(`SELECT seq, kind, at, cashier_id, payload FROM entries${replayed.sql} ORDER BY seq`)
    .iterate(...replayed.args) as IterableIterator<ReplayRow>;
  const hashOf = db.prepare('SELECT hash FROM entries WHERE seq = ?').pluck();
  let seq = 0;
  try {
    for (const r of rows) {
      seq = r.seq;
      const kind = kindOfEntry(r.kind);
      if (!kind) {
        replay.applyDebitEntry(r);
        continue;
      }
      const written = parseClosure(r);
      if (opts.check) {
        const finding = compareClosure(
          replay,
          kind,
          r.seq,
          written,
          (hashOf.get(r.seq - 1) as string | undefined) ?? GENESIS,
        );
        if (finding) {
          replay.close();
          return finding;
        }
      }
      replay.seal(kind, written.period, r.seq, written, r.at);
    }
  } catch (error) {
    replay.close();
    if (opts.check && error instanceof TillError)
      return { seq, problem: 'FACTS_INCONSISTENT', detail: `entry ${seq}: ${error.message}` };
    throw error;
  } finally {
    rows.return?.();
  }
  replay.database.exec('COMMIT');
  if (opts.check) {
    try {
      return projectionsStale(db) ? null : compareProjection(db, replay.database);
    } finally {
      replay.close();
    }
  }
  return replay;
}

/**
 * The stored projection (what the screens, exports and the outbox read) against the one replayed from
 * the chain, row by row in request order: a rewritten amount or status names its debit's request entry.
 */
function compareProjection(db: Database.Database, replayed: Database.Database): ClosureFinding | null {
  const stored = db.prepare('SELECT * FROM debits ORDER BY request_seq').iterate() as IterableIterator<
    Record<string, unknown>
  >;
  const expected = replayed
    .prepare('SELECT * FROM debits ORDER BY request_seq')
    .iterate() as IterableIterator<Record<string, unknown>>;
  try {
    for (;;) {
      const a = stored.next();
      const b = expected.next();
      if (a.done && b.done) break;
      const seq = Number((b.done ? a.value : b.value)?.['request_seq'] ?? 0);
      if (a.done || b.done)
        return {
          seq,
          problem: 'PROJECTION_MISMATCH',
          detail: `the debits table ${a.done ? 'lacks' : 'has an extra'} debit at entry ${seq}`,
        };
      const differs = Object.keys(b.value).filter((k) => a.value[k] !== b.value[k]);
      if (differs.length) {
        const first = differs[0]!;
        return {
          seq,
          problem: 'PROJECTION_MISMATCH',
          detail: `the debits table differs from the chain for the debit requested at entry ${seq}: ${differs.join(', ')} (${first} ${String(a.value[first])} where the chain gives ${String(b.value[first])})`,
        };
      }
    }
  } finally {
    stored.return?.();
    expected.return?.();
  }
  const closures = (d: Database.Database) =>
    d.prepare('SELECT kind, period, seq, last_seq, grand_total_cents FROM closures ORDER BY seq').all() as {
      seq: number;
    }[];
  const a = closures(db);
  const b = closures(replayed);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) {
      const seq = (b[i] ?? a[i])!.seq;
      return {
        seq,
        problem: 'PROJECTION_MISMATCH',
        detail: `the closures table differs from the chain at closure entry ${seq}`,
      };
    }
  }
  return null;
}

const GENESIS = '0'.repeat(64);

function parseClosure(r: ReplayRow): ClosurePayload {
  try {
    const parsed = closureSchema.safeParse(JSON.parse(r.payload));
    if (parsed.success) return parsed.data;
  } catch {
    /* reported below */
  }
  throw new TillError('JOURNAL_BROKEN', `closure entry ${r.seq} is unreadable`);
}

function compareClosure(
  replay: ClosureReplay,
  kind: ClosureKind,
  seq: number,
  written: ClosurePayload,
  lastHash: string,
): ClosureFinding | null {
  const name = `${kind === 'day' ? 'DAY_CLOSED' : 'MONTH_CLOSED'} ${written.period} (entry ${seq})`;
  const earlier = replay.sealedAt(kind, written.period);
  if (earlier !== undefined)
    return {
      seq,
      problem: 'CLOSURE_MISMATCH',
      detail: `${name} closes a period already sealed by entry ${earlier}`,
    };
  const expected = replay.expected(kind, written.period, seq - 1, lastHash, written.format === 2 ? 2 : 1);
  const diffs: string[] = [];
  const same = (a: unknown, b: unknown) => canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);
  for (const c of CATEGORIES) {
    const w = written.totals[c] ?? { count: 0, amountCents: 0 };
    const e = expected.totals[c] ?? { count: 0, amountCents: 0 };
    if (!same(w, e))
      diffs.push(`${c} ${w.count}/${w.amountCents} where the chain gives ${e.count}/${e.amountCents}`);
  }
  for (const field of [
    'count',
    'periodTotalCents',
    'grandTotalCents',
    'firstSeq',
    'lastSeq',
    'lastHash',
  ] as const) {
    if (written[field] !== expected[field])
      diffs.push(`${field} ${String(written[field])} where the chain gives ${String(expected[field])}`);
  }
  if (!same(written.corrections ?? [], expected.corrections ?? []))
    diffs.push('its corrections differ from the lines recorded after the sealed periods');
  return diffs.length ? { seq, problem: 'CLOSURE_MISMATCH', detail: `${name}: ${diffs.join('; ')}` } : null;
}
