// The state machine of architecture.md "A debit, exactly once", as a pure function: a debit's row and
// one checked fact about it give the next row, or the anomaly that refuses the fact. No database here:
// debit-projection.ts reads the row and writes what this returns, in the append's own transaction.
import { walletOf, type Category, type Item, type Wallet } from '../../protocol/catalogue';
import { TillError } from '../../preload/contract/errors';
import type { ProjectedKind, ProjectedPayload } from './debit-payloads';

/** Where a debit stands in this journal (the contract's DebitStatus is what the cashier is shown). */
export type ProjectedDebitStatus =
  'requested' | 'pending' | 'accepted' | 'offline_accepted' | 'refused' | 'voided' | 'void_pending';

/** A row of the debits table. */
export interface DebitRow {
  debit_id: string;
  request_seq: number;
  last_seq: number;
  kind: 'debit' | 'coupon';
  category: Category;
  wallet: Wallet;
  item: Item;
  sessions: number | null;
  discipline: string | null;
  price_cents: number;
  amount_cents: number;
  mode: 'online' | 'offline';
  jti: string | null;
  beneficiary_id: string;
  coupon_id: string | null;
  occurred_at: string;
  occurred_ms: number;
  cashier_id: string | null;
  status: ProjectedDebitStatus;
  status_before_void: ProjectedDebitStatus | null;
  code: string | null;
  wallet_balance_cents: number | null;
  accepted_at: string | null;
  void_id: string | null;
}

/** The kinds of entry about one debit (closures are about a period). */
export type DebitKind = Exclude<ProjectedKind, 'DAY_CLOSED' | 'MONTH_CLOSED'>;

/** An entry about one debit, its payload checked against its kind's schema. */
export type DebitFact = {
  [K in DebitKind]: {
    kind: K;
    seq: number;
    at: string;
    cashierId: string | null;
    payload: ProjectedPayload<K>;
  };
}[DebitKind];

/**
 * Why a fact cannot apply: a second request of the same debit, a fact about a debit never requested, a
 * void of a refused debit (nothing was taken). The caller names the error (the input, or a broken file).
 */
export type DebitAnomaly = 'ALREADY_REQUESTED' | 'UNKNOWN_DEBIT' | 'NOTHING_TO_VOID';

export type DebitTransition = { next: DebitRow } | { anomaly: DebitAnomaly; detail: string };

export function instantMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new TillError('INPUT_INVALID', `${what} is not a date: ${iso}`);
  return ms;
}

type RequestFact = Extract<DebitFact, { kind: 'DEBIT_REQUESTED' | 'COUPON_REDEEM_REQUESTED' }>;

function requestedRow(fact: RequestFact): DebitRow {
  const p = fact.payload;
  const own =
    fact.kind === 'DEBIT_REQUESTED'
      ? { kind: 'debit' as const, mode: fact.payload.mode, jti: fact.payload.jti, coupon_id: null }
      : { kind: 'coupon' as const, mode: 'online' as const, jti: null, coupon_id: fact.payload.couponId };
  return {
    debit_id: p.debitId,
    request_seq: fact.seq,
    last_seq: fact.seq,
    ...own,
    category: p.category,
    wallet: walletOf(p.category),
    item: p.item,
    sessions: p.sessions ?? null,
    discipline: p.discipline ?? null,
    price_cents: p.priceCents,
    amount_cents: p.amountCents,
    beneficiary_id: p.beneficiaryId,
    occurred_at: p.occurredAt,
    occurred_ms: instantMs(p.occurredAt, 'occurredAt'),
    cashier_id: fact.cashierId,
    status: 'requested',
    status_before_void: null,
    code: null,
    wallet_balance_cents: null,
    accepted_at: null,
    void_id: null,
  };
}

/** The debit's row after `fact`; `row` is undefined when the debit was never requested. */
export function nextDebitState(row: DebitRow | undefined, fact: DebitFact): DebitTransition {
  const debitId = fact.payload.debitId;
  if (fact.kind === 'DEBIT_REQUESTED' || fact.kind === 'COUPON_REDEEM_REQUESTED') {
    return row
      ? { anomaly: 'ALREADY_REQUESTED', detail: `debit ${debitId} was already requested` }
      : { next: requestedRow(fact) };
  }
  if (!row) return { anomaly: 'UNKNOWN_DEBIT', detail: `${fact.kind} for unknown debit ${debitId}` };
  const next: DebitRow = { ...row, last_seq: fact.seq };
  // An answer to the debit itself while a void is in flight changes what the void falls back to.
  const settle = (status: ProjectedDebitStatus) => {
    if (next.status === 'voided') return;
    if (next.status === 'void_pending') next.status_before_void = status;
    else next.status = status;
  };
  switch (fact.kind) {
    case 'DEBIT_ACCEPTED':
      settle('accepted');
      next.wallet_balance_cents = fact.payload.walletBalanceCents;
      next.accepted_at = fact.payload.acceptedAt;
      break;
    case 'COUPON_REDEEMED':
      settle('accepted');
      next.amount_cents = fact.payload.amountCents;
      next.accepted_at = fact.at;
      break;
    case 'DEBIT_OFFLINE_ACCEPTED':
      if (next.status === 'requested' || next.status === 'pending') next.status = 'offline_accepted';
      else if (next.status === 'void_pending' && next.status_before_void !== 'accepted')
        next.status_before_void = 'offline_accepted';
      break;
    case 'DEBIT_REFUSED':
    case 'COUPON_REFUSED':
      if (next.status !== 'voided') {
        next.status = 'refused';
        next.status_before_void = null;
      }
      next.code = fact.payload.code;
      break;
    case 'DEBIT_UNKNOWN':
      if (next.status === 'requested') next.status = 'pending';
      break;
    case 'VOID_REQUESTED':
      if (next.status === 'refused')
        return { anomaly: 'NOTHING_TO_VOID', detail: `debit ${debitId} was refused: nothing to void` };
      if (next.status !== 'voided' && next.status !== 'void_pending') {
        next.status_before_void = next.status;
        next.status = 'void_pending';
      }
      next.void_id = fact.payload.voidId;
      break;
    case 'DEBIT_VOIDED':
      next.status = 'voided';
      next.void_id = fact.payload.voidId;
      next.wallet_balance_cents = fact.payload.walletBalanceCents;
      break;
    case 'VOID_REFUSED':
      if (next.status === 'void_pending') {
        next.status = next.status_before_void ?? 'pending';
        next.status_before_void = null;
      }
      next.code = fact.payload.code;
      break;
  }
  return { next };
}
