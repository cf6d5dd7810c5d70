// The debit state machine as a table: every kind of fact about a debit after every state a debit can be
// in, duplicates and out-of-order answers included. Each cell is the whole next row, so a transition that
// touches a field it should not fails too.
import { describe, expect, it } from 'vitest';
import {
  nextDebitState,
  type DebitFact,
  type DebitKind,
  type DebitRow,
  type ProjectedDebitStatus,
} from './debit-transitions';
import { couponRedeemRequested } from '../../test/support/journal-fixtures';

const SEQ = 40;
const AT = '2026-03-10T10:00:05.000Z';

const FACTS: { [K in DebitKind]: Extract<DebitFact, { kind: K }> } = {
  DEBIT_REQUESTED: {
    kind: 'DEBIT_REQUESTED',
    seq: SEQ,
    at: AT,
    cashierId: 'c2',
    payload: {
      debitId: 'd1',
      category: 'ARTISTIC',
      item: 'CYCLE',
      sessions: 6,
      discipline: 'DANSE',
      priceCents: 9000,
      amountCents: 4000,
      mode: 'offline',
      jti: 'jti-2',
      beneficiaryId: 'ben-2',
      occurredAt: '2026-03-10T10:00:00.000Z',
      tokenExp: 1_773_000_000,
    },
  },
  COUPON_REDEEM_REQUESTED: {
    kind: 'COUPON_REDEEM_REQUESTED',
    seq: SEQ,
    at: AT,
    cashierId: 'c2',
    payload: couponRedeemRequested('d1'),
  },
  DEBIT_ACCEPTED: {
    kind: 'DEBIT_ACCEPTED',
    seq: SEQ,
    at: AT,
    cashierId: null,
    payload: { debitId: 'd1', walletBalanceCents: 1234, acceptedAt: '2026-03-10T10:00:02.000Z' },
  },
  COUPON_REDEEMED: {
    kind: 'COUPON_REDEEMED',
    seq: SEQ,
    at: AT,
    cashierId: null,
    payload: { debitId: 'd1', amountCents: 250 },
  },
  DEBIT_OFFLINE_ACCEPTED: {
    kind: 'DEBIT_OFFLINE_ACCEPTED',
    seq: SEQ,
    at: AT,
    cashierId: null,
    payload: { debitId: 'd1' },
  },
  DEBIT_REFUSED: {
    kind: 'DEBIT_REFUSED',
    seq: SEQ,
    at: AT,
    cashierId: null,
    payload: { debitId: 'd1', code: 'TOKEN_USED' },
  },
  COUPON_REFUSED: {
    kind: 'COUPON_REFUSED',
    seq: SEQ,
    at: AT,
    cashierId: null,
    payload: { debitId: 'd1', code: 'COUPON_USED' },
  },
  DEBIT_UNKNOWN: {
    kind: 'DEBIT_UNKNOWN',
    seq: SEQ,
    at: AT,
    cashierId: null,
    payload: { debitId: 'd1', detail: 'timeout' },
  },
  VOID_REQUESTED: {
    kind: 'VOID_REQUESTED',
    seq: SEQ,
    at: AT,
    cashierId: 'm1',
    payload: { debitId: 'd1', voidId: 'v2', reason: 'OTHER' },
  },
  DEBIT_VOIDED: {
    kind: 'DEBIT_VOIDED',
    seq: SEQ,
    at: AT,
    cashierId: null,
    payload: { debitId: 'd1', voidId: 'v2', walletBalanceCents: 999 },
  },
  VOID_REFUSED: {
    kind: 'VOID_REFUSED',
    seq: SEQ,
    at: AT,
    cashierId: null,
    payload: { debitId: 'd1', voidId: 'v2', code: 'VOID_WINDOW_CLOSED' },
  },
};

/** What each fact writes besides the status, whatever the state it finds. */
const EFFECTS: { [K in DebitKind]: Partial<DebitRow> } = {
  DEBIT_REQUESTED: {},
  COUPON_REDEEM_REQUESTED: {},
  DEBIT_ACCEPTED: { wallet_balance_cents: 1234, accepted_at: '2026-03-10T10:00:02.000Z' },
  COUPON_REDEEMED: { amount_cents: 250, accepted_at: AT },
  DEBIT_OFFLINE_ACCEPTED: {},
  DEBIT_REFUSED: { code: 'TOKEN_USED' },
  COUPON_REFUSED: { code: 'COUPON_USED' },
  DEBIT_UNKNOWN: {},
  VOID_REQUESTED: { void_id: 'v2' },
  DEBIT_VOIDED: { void_id: 'v2', wallet_balance_cents: 999 },
  VOID_REFUSED: { code: 'VOID_WINDOW_CLOSED' },
};

/** The row a request makes: every column from the fact, nothing answered yet. */
const DEBIT_ROW: DebitRow = {
  debit_id: 'd1',
  request_seq: SEQ,
  last_seq: SEQ,
  kind: 'debit',
  category: 'ARTISTIC',
  wallet: 'PRATIQUE',
  item: 'CYCLE',
  sessions: 6,
  discipline: 'DANSE',
  price_cents: 9000,
  amount_cents: 4000,
  mode: 'offline',
  jti: 'jti-2',
  beneficiary_id: 'ben-2',
  coupon_id: null,
  occurred_at: '2026-03-10T10:00:00.000Z',
  occurred_ms: Date.parse('2026-03-10T10:00:00.000Z'),
  cashier_id: 'c2',
  status: 'requested',
  status_before_void: null,
  code: null,
  wallet_balance_cents: null,
  accepted_at: null,
  void_id: null,
};

/** What each request makes when the debit is new. */
const REQUESTED_ROWS: Partial<Record<DebitKind, DebitRow>> = {
  DEBIT_REQUESTED: DEBIT_ROW,
  COUPON_REDEEM_REQUESTED: {
    ...DEBIT_ROW,
    kind: 'coupon',
    category: 'SPORT',
    wallet: 'PRATIQUE',
    item: 'LICENCE',
    sessions: null,
    discipline: null,
    price_cents: 8000,
    amount_cents: 3000,
    mode: 'online',
    jti: null,
    coupon_id: 'CPN-1',
  },
};

/** Short names for the table: a state is `status` or `status<status_before_void`. */
const STATUS: Record<string, ProjectedDebitStatus> = {
  req: 'requested',
  pend: 'pending',
  acc: 'accepted',
  off: 'offline_accepted',
  ref: 'refused',
  vp: 'void_pending',
  void: 'voided',
};

function statusOf(cell: string): Pick<DebitRow, 'status' | 'status_before_void'> {
  const [status, before] = cell.split('<').map((name) => {
    const known = STATUS[name];
    if (!known) throw new Error(`no such state in the table: ${name}`);
    return known;
  });
  return { status: status!, status_before_void: before ?? null };
}

/** An earlier debit, answered before (so a fact that leaves a field alone shows it). */
function priorRow(cell: string): DebitRow {
  return Object.freeze({
    ...DEBIT_ROW,
    request_seq: 3,
    last_seq: 7,
    code: 'EARLIER_CODE',
    wallet_balance_cents: 5000,
    accepted_at: '2026-03-10T09:00:00.000Z',
    void_id: 'v1',
    ...statusOf(cell),
  });
}

// The anomalies: a second request, a fact about a debit never requested, a void of a refused debit.
const DUP = 'ALREADY_REQUESTED';
const UNK = 'UNKNOWN_DEBIT';
const NIL = 'NOTHING_TO_VOID';
const ANOMALIES: readonly string[] = [DUP, UNK, NIL];

const PRIORS = [
  'none',
  'req',
  'pend',
  'acc',
  'off',
  'ref',
  'vp<req',
  'vp<pend',
  'vp<acc',
  'vp<off',
  'void<acc',
];

/** One line per kind of fact, one column per prior state: the state after the fact. */
// prettier-ignore
const TABLE: { [K in DebitKind]: readonly string[] } = {
  //                        none   req       pend       acc       off       ref     vp<req      vp<pend      vp<acc      vp<off      void<acc
  DEBIT_REQUESTED:         ['req', DUP,      DUP,       DUP,      DUP,      DUP,    DUP,        DUP,         DUP,        DUP,        DUP],
  COUPON_REDEEM_REQUESTED: ['req', DUP,      DUP,       DUP,      DUP,      DUP,    DUP,        DUP,         DUP,        DUP,        DUP],
  DEBIT_ACCEPTED:          [UNK,   'acc',    'acc',     'acc',    'acc',    'acc',  'vp<acc',   'vp<acc',    'vp<acc',   'vp<acc',   'void<acc'],
  COUPON_REDEEMED:         [UNK,   'acc',    'acc',     'acc',    'acc',    'acc',  'vp<acc',   'vp<acc',    'vp<acc',   'vp<acc',   'void<acc'],
  DEBIT_OFFLINE_ACCEPTED:  [UNK,   'off',    'off',     'acc',    'off',    'ref',  'vp<off',   'vp<off',    'vp<acc',   'vp<off',   'void<acc'],
  DEBIT_REFUSED:           [UNK,   'ref',    'ref',     'ref',    'ref',    'ref',  'ref',      'ref',       'ref',      'ref',      'void<acc'],
  COUPON_REFUSED:          [UNK,   'ref',    'ref',     'ref',    'ref',    'ref',  'ref',      'ref',       'ref',      'ref',      'void<acc'],
  DEBIT_UNKNOWN:           [UNK,   'pend',   'pend',    'acc',    'off',    'ref',  'vp<req',   'vp<pend',   'vp<acc',   'vp<off',   'void<acc'],
  VOID_REQUESTED:          [UNK,   'vp<req', 'vp<pend', 'vp<acc', 'vp<off', NIL,    'vp<req',   'vp<pend',   'vp<acc',   'vp<off',   'void<acc'],
  DEBIT_VOIDED:            [UNK,   'void',   'void',    'void',   'void',   'void', 'void<req', 'void<pend', 'void<acc', 'void<off', 'void<acc'],
  VOID_REFUSED:            [UNK,   'req',    'pend',    'acc',    'off',    'ref',  'req',      'pend',      'acc',      'off',      'void<acc'],
};

const cases = (Object.keys(TABLE) as DebitKind[]).flatMap((kind) =>
  PRIORS.map((prior, i) => [kind, prior, TABLE[kind][i]!] as const),
);

describe('nextDebitState', () => {
  it('has a cell for every prior state', () => {
    for (const row of Object.values(TABLE)) expect(row).toHaveLength(PRIORS.length);
  });

  it.each(cases)('%s after %s gives %s', (kind, prior, cell) => {
    const row = prior === 'none' ? undefined : priorRow(prior);
    const step = nextDebitState(row, FACTS[kind]);
    if (ANOMALIES.includes(cell)) {
      expect(step).toEqual({ anomaly: cell, detail: expect.stringContaining('d1') });
      return;
    }
    const expected = row
      ? { ...row, last_seq: SEQ, ...EFFECTS[kind], ...statusOf(cell) }
      : REQUESTED_ROWS[kind];
    expect(step).toEqual({ next: expected });
  });

  it('makes a request without a discipline or sessions a row with neither', () => {
    const fact = FACTS.DEBIT_REQUESTED;
    const { sessions: _s, discipline: _d, ...payload } = fact.payload;
    expect(nextDebitState(undefined, { ...fact, payload })).toEqual({
      next: { ...DEBIT_ROW, sessions: null, discipline: null },
    });
  });
});
