import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TillError } from '../../preload/contract/errors';
import { DebitProjectionStore, type ProjectedEntry } from './debit-projection';
import type { AppendInput, Journal } from './journal';
import { migrate } from './migrations';
import { mapStorageErrors } from './storage-errors';
import { couponRedeemRequested, debitRequested } from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';
import { codeOf } from '../../test/support/till-error';

const accepted = (debitId: string, balance = 1500): AppendInput => ({
  kind: 'DEBIT_ACCEPTED',
  payload: { debitId, walletBalanceCents: balance, acceptedAt: '2026-03-10T10:00:02.000Z' },
});
const requested = (debitId: string, over: Partial<Record<string, string | number>> = {}): AppendInput => ({
  kind: 'DEBIT_REQUESTED',
  cashierId: 'c1',
  payload: debitRequested({ debitId, ...over }),
});

/** Both projection tables, as plain rows. */
function snapshot(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    return {
      debits: db.prepare('SELECT * FROM debits ORDER BY debit_id').all(),
      closures: db.prepare('SELECT * FROM closures ORDER BY seq').all(),
    };
  } finally {
    db.close();
  }
}

describe('the debit projection', () => {
  it('follows a debit from request to acceptance', () => {
    const t = journalForTest();
    const r = t.journal.append(requested('d1', { category: 'ARTISTIC', item: 'CYCLE', sessions: 6 }));
    expect(t.journal.debits.get('d1')).toMatchObject({
      status: 'requested',
      requestSeq: r.seq,
      regionConfirmed: false,
      wallet: 'PRATIQUE',
      sessions: 6,
      cashierId: 'c1',
    });
    t.journal.append({ kind: 'DEBIT_UNKNOWN', payload: { debitId: 'd1', detail: 'timeout' } });
    expect(t.journal.debits.get('d1')?.status).toBe('pending');
    t.journal.append(accepted('d1', 2400));
    expect(t.journal.debits.get('d1')).toMatchObject({
      status: 'accepted',
      walletBalanceCents: 2400,
      acceptedAt: '2026-03-10T10:00:02.000Z',
      regionConfirmed: true,
    });
  });

  it('records refusals with their code, and a refused debit frees its token', () => {
    const t = journalForTest();
    t.journal.append(requested('d1'));
    expect(t.journal.debits.isJtiUsed('jti-d1')).toBe(true);
    t.journal.append({ kind: 'DEBIT_REFUSED', payload: { debitId: 'd1', code: 'INSUFFICIENT_BALANCE' } });
    expect(t.journal.debits.get('d1')).toMatchObject({
      status: 'refused',
      code: 'INSUFFICIENT_BALANCE',
      regionConfirmed: true,
    });
    expect(t.journal.debits.isJtiUsed('jti-d1')).toBe(false);
    expect(t.journal.debits.isJtiUsed('never-seen')).toBe(false);
  });

  it('voids: pending until confirmed, back to the former state when refused', () => {
    const t = journalForTest();
    t.journal.appendAll([requested('d1'), accepted('d1'), requested('d2'), accepted('d2')]);
    t.journal.append({
      kind: 'VOID_REQUESTED',
      cashierId: 'm1',
      payload: { debitId: 'd1', voidId: 'v1', reason: 'WRONG_AMOUNT' },
    });
    expect(t.journal.debits.get('d1')).toMatchObject({
      status: 'void_pending',
      voidId: 'v1',
      regionConfirmed: false,
    });
    t.journal.append({
      kind: 'DEBIT_VOIDED',
      payload: { debitId: 'd1', voidId: 'v1', walletBalanceCents: 2000 },
    });
    expect(t.journal.debits.get('d1')).toMatchObject({
      status: 'voided',
      walletBalanceCents: 2000,
      regionConfirmed: true,
    });
    t.journal.append({ kind: 'VOID_REQUESTED', payload: { debitId: 'd2', voidId: 'v2', reason: 'OTHER' } });
    t.journal.append({
      kind: 'VOID_REFUSED',
      payload: { debitId: 'd2', voidId: 'v2', code: 'VOID_WINDOW_CLOSED' },
    });
    expect(t.journal.debits.get('d2')).toMatchObject({ status: 'accepted', code: 'VOID_WINDOW_CLOSED' });
  });

  it('keeps a late answer under a void in flight: the void still decides', () => {
    const t = journalForTest();
    t.journal.appendAll([
      requested('d1'),
      { kind: 'DEBIT_UNKNOWN', payload: { debitId: 'd1', detail: '502' } },
    ]);
    t.journal.append({
      kind: 'VOID_REQUESTED',
      payload: { debitId: 'd1', voidId: 'v1', reason: 'ABANDONED_UNKNOWN' },
    });
    t.journal.append(accepted('d1'));
    expect(t.journal.debits.get('d1')?.status).toBe('void_pending');
    t.journal.append({
      kind: 'VOID_REFUSED',
      payload: { debitId: 'd1', voidId: 'v1', code: 'VOID_WINDOW_CLOSED' },
    });
    expect(t.journal.debits.get('d1')?.status).toBe('accepted');
  });

  it('redeems coupons through the same states', () => {
    const t = journalForTest();
    t.journal.append({
      kind: 'COUPON_REDEEM_REQUESTED',
      cashierId: 'c1',
      payload: couponRedeemRequested('k1'),
    });
    expect(t.journal.debits.get('k1')).toMatchObject({
      kind: 'coupon',
      couponId: 'CPN-1',
      jti: null,
      mode: 'online',
      status: 'requested',
    });
    t.journal.append({ kind: 'COUPON_REDEEMED', payload: { debitId: 'k1', amountCents: 2500 } });
    expect(t.journal.debits.get('k1')).toMatchObject({ status: 'accepted', amountCents: 2500 });
  });

  it('lists what awaits the Region, in request order', () => {
    const t = journalForTest();
    t.journal.appendAll([
      requested('a'),
      requested('b', { mode: 'offline' }),
      { kind: 'DEBIT_OFFLINE_ACCEPTED', payload: { debitId: 'b' } },
      requested('c'),
      accepted('c'),
      { kind: 'VOID_REQUESTED', payload: { debitId: 'c', voidId: 'v', reason: 'OTHER' } },
      requested('d'),
      { kind: 'DEBIT_REFUSED', payload: { debitId: 'd', code: 'TOKEN_USED' } },
      requested('e'),
      { kind: 'DEBIT_UNKNOWN', payload: { debitId: 'e', detail: 'reset' } },
    ]);
    expect(t.journal.debits.awaitingRegion().map((d) => [d.debitId, d.status])).toEqual([
      ['a', 'requested'],
      ['b', 'offline_accepted'],
      ['c', 'void_pending'],
      ['e', 'pending'],
    ]);
    expect(t.journal.debits.countAwaitingRegion()).toBe(4);
  });

  it("sums what this till debited offline on a beneficiary's wallet", () => {
    const t = journalForTest();
    t.journal.appendAll([
      requested('a', { mode: 'offline', amountCents: 300 }),
      { kind: 'DEBIT_OFFLINE_ACCEPTED', payload: { debitId: 'a' } },
      requested('b', { mode: 'offline', amountCents: 200, category: 'SPECTACLE', item: 'PLACE' }),
      requested('c', { mode: 'offline', amountCents: 900 }),
      { kind: 'DEBIT_REFUSED', payload: { debitId: 'c', code: 'OFFLINE_LIMIT_EXCEEDED' } },
      requested('d', { amountCents: 700 }),
      requested('e', { mode: 'offline', amountCents: 50, beneficiaryId: 'other' }),
      requested('f', { mode: 'offline', amountCents: 40, occurredAt: '2026-03-12T10:00:00.000Z' }),
    ]);
    expect(t.journal.debits.offlineTotalFor('ben-1')).toBe(540);
    expect(t.journal.debits.offlineTotalFor('ben-1', 'CINEMA')).toBe(340);
    expect(t.journal.debits.offlineTotalFor('ben-1', 'CINEMA', { since: '2026-03-11T00:00:00Z' })).toBe(40);
    expect(t.journal.debits.offlineTotalFor('nobody')).toBe(0);
  });

  it('lists and totals a period by occurredAt', () => {
    const t = journalForTest();
    t.journal.appendAll([
      requested('a', { amountCents: 100 }),
      accepted('a'),
      requested('b', { amountCents: 200, category: 'SPECTACLE', item: 'PLACE' }),
      accepted('b'),
      requested('c', { amountCents: 400, mode: 'offline' }),
      { kind: 'DEBIT_OFFLINE_ACCEPTED', payload: { debitId: 'c' } },
      requested('d', { amountCents: 800 }),
      accepted('d'),
      { kind: 'VOID_REQUESTED', payload: { debitId: 'd', voidId: 'v', reason: 'OTHER' } },
      { kind: 'DEBIT_VOIDED', payload: { debitId: 'd', voidId: 'v', walletBalanceCents: 1 } },
      requested('e', { amountCents: 1600, occurredAt: '2026-03-11T10:00:00.000Z' }),
      accepted('e'),
      { ...requested('f', { amountCents: 3200 }), cashierId: 'c2' },
    ]);
    const day = { fromAt: '2026-03-10T00:00:00Z', toAt: '2026-03-11T00:00:00Z' };
    const totals = t.journal.debits.totals(day);
    expect(totals.CINEMA).toEqual({ count: 2, amountCents: 500 });
    expect(totals.SPECTACLE).toEqual({ count: 1, amountCents: 200 });
    expect(totals.SPORT).toEqual({ count: 0, amountCents: 0 });
    expect(t.journal.debits.list(day).map((d) => d.debitId)).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect(t.journal.debits.list({ ...day, category: 'SPECTACLE' }).map((d) => d.debitId)).toEqual(['b']);
    expect(t.journal.debits.list({ ...day, cashierId: 'c2' }).map((d) => d.debitId)).toEqual(['f']);
    expect(
      t.journal.debits.list({ ...day, status: ['voided', 'requested'], limit: 1 }).map((d) => d.debitId),
    ).toEqual(['d']);
  });

  it('refuses a second request with the same id, and facts about unknown debits', () => {
    const t = journalForTest();
    t.journal.append(requested('d1'));
    expect(codeOf(() => t.journal.append(requested('d1')))).toBe('IDEMPOTENCY_CONFLICT');
    expect(codeOf(() => t.journal.append(accepted('zz')))).toBe('UNKNOWN_DEBIT');
    expect(t.journal.head().seq).toBe(1);
  });

  it('rebuilds from the entries exactly the state kept live', () => {
    const t = journalForTest();
    t.journal.appendAll([
      requested('a'),
      accepted('a'),
      requested('b', { mode: 'offline' }),
      { kind: 'DEBIT_OFFLINE_ACCEPTED', payload: { debitId: 'b' } },
    ]);
    t.journal.append({ kind: 'VOID_REQUESTED', payload: { debitId: 'a', voidId: 'v', reason: 'OTHER' } });
    const live = snapshot(t.path);
    t.journal.rebuildProjections();
    expect(snapshot(t.path)).toEqual(live);
  });
});

describe('recording a closure in the projection', () => {
  const dayClosed = (period: string): ProjectedEntry => ({
    seq: 5,
    kind: 'DAY_CLOSED',
    at: '2026-03-11T00:00:01.000Z',
    cashierId: null,
    payload: {
      period,
      totals: {},
      count: 0,
      periodTotalCents: 0,
      grandTotalCents: 0,
      firstSeq: 1,
      lastSeq: 4,
      lastHash: '0'.repeat(64),
    },
  });
  let db: Database.Database | undefined;
  afterEach(() => db?.close());

  it("a full disk is DISK_FULL, not 'already closed', and nothing is recorded", () => {
    db = new Database(':memory:');
    migrate(db);
    const store = new DebitProjectionStore(db);
    db.pragma(`max_page_count = ${String(db.pragma('page_count', { simple: true }))}`);
    // A period long enough to need pages the quota no longer leaves: SQLite answers SQLITE_FULL.
    expect(
      codeOf(() => mapStorageErrors(() => store.apply(dayClosed('x'.repeat(20_000)), 'JOURNAL_BROKEN'))),
    ).toBe('DISK_FULL');
    expect(db.prepare('SELECT COUNT(*) FROM closures').pluck().get()).toBe(0);
  });

  it("a second closure of a period is 'already closed', under the caller's code", () => {
    db = new Database(':memory:');
    migrate(db);
    const store = new DebitProjectionStore(db);
    store.apply(dayClosed('2026-03-10'), 'JOURNAL_BROKEN');
    const again = { ...dayClosed('2026-03-10'), seq: 9 };
    expect(() => store.apply(again, 'JOURNAL_BROKEN')).toThrow(/day 2026-03-10 is already closed/);
    expect(codeOf(() => store.apply(again, 'JOURNAL_BROKEN'))).toBe('JOURNAL_BROKEN');
  });
});

// Any sequence of facts the engine may write: the projection rebuilt from the entries equals the live one.
const fact = fc.record({
  op: fc.constantFrom(
    'request',
    'accept',
    'offline',
    'refuse',
    'unknown',
    'void',
    'voided',
    'voidRefused',
    'close',
  ),
  debit: fc.integer({ min: 0, max: 4 }),
  amount: fc.integer({ min: 0, max: 3000 }),
  offline: fc.boolean(),
});

function applyFact(
  j: Journal,
  f: { op: string; debit: number; amount: number; offline: boolean },
  n: number,
): void {
  const debitId = `d${f.debit}`;
  const inputs: Record<string, AppendInput> = {
    request: requested(debitId, {
      amountCents: f.amount,
      mode: f.offline ? 'offline' : 'online',
      occurredAt: `2026-03-${10 + (f.debit % 2)}T10:00:00.000Z`,
    }),
    accept: accepted(debitId, f.amount),
    offline: { kind: 'DEBIT_OFFLINE_ACCEPTED', payload: { debitId } },
    refuse: { kind: 'DEBIT_REFUSED', payload: { debitId, code: 'TOKEN_USED' } },
    unknown: { kind: 'DEBIT_UNKNOWN', payload: { debitId, detail: 'timeout' } },
    void: { kind: 'VOID_REQUESTED', payload: { debitId, voidId: `v${n}`, reason: 'OTHER' } },
    voided: { kind: 'DEBIT_VOIDED', payload: { debitId, voidId: `v${n}`, walletBalanceCents: 0 } },
    voidRefused: { kind: 'VOID_REFUSED', payload: { debitId, voidId: `v${n}`, code: 'VOID_WINDOW_CLOSED' } },
  };
  try {
    if (f.op === 'close') j.closeDay(`2026-03-1${f.debit % 2}`, null);
    else j.append(inputs[f.op]!);
  } catch (error) {
    // Facts that do not fit the state (unknown debit, closure with pending debits…) are refused whole.
    if (!(error instanceof TillError)) throw error;
  }
}

describe('the projection, for any sequence of facts', () => {
  it('is rebuilt from the entries exactly as it was kept live', () => {
    const t = journalForTest({ now: () => new Date('2026-03-20T12:00:00Z') });
    let n = 0;
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), (facts) => {
        for (const f of facts) applyFact(t.journal, f, (n += 1));
        const live = snapshot(t.path);
        t.journal.rebuildProjections();
        expect(snapshot(t.path)).toEqual(live);
        expect(t.journal.verify().ok).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
