// What the Region must hear about a debit the journal holds, rebuilt from its state (and the request
// store) so a resend after a restart carries the same UUID and the same body as the first attempt:
// the Region's idempotency answers a replay with the first outcome, and a different body with a conflict.
import type { AppendInput, DebitState } from '../journal/journal';
import type { RegionClient } from '../region/client';
import type { CouponRedeemBody, DebitBody, VoidBody } from '../../protocol/debits';
import { couponAnswerEntry, debitAnswerEntry, voidAnswerEntry } from './region-answer';
import type { DebitRequests } from './outbox-port';

export function debitBody(state: DebitState, token: string): DebitBody {
  return {
    id: state.debitId,
    deviceSeq: state.requestSeq,
    token,
    category: state.category,
    item: state.item,
    ...(state.sessions !== null ? { sessions: state.sessions } : {}),
    amountCents: state.amountCents,
    priceCents: state.priceCents,
    occurredAt: state.occurredAt,
    mode: state.mode,
    cashierId: state.cashierId ?? 'system',
  };
}

export function couponRedeemBody(state: DebitState): CouponRedeemBody {
  return {
    id: state.debitId,
    deviceSeq: state.requestSeq,
    item: state.item,
    ...(state.sessions !== null ? { sessions: state.sessions } : {}),
    priceCents: state.priceCents,
    occurredAt: state.occurredAt,
    cashierId: state.cashierId ?? 'system',
  };
}

export type SendResult =
  /** A definite answer: the entry to append (null when it would add nothing) and store rows now useless. */
  | { kind: 'answered'; entry: AppendInput | null; forget: string[] }
  | { kind: 'retry'; retryAfterMs: number }
  | { kind: 'unknown'; detail: string }
  /** Nothing can be sent (a lost token): left for a person to look at, never guessed. */
  | { kind: 'stuck'; detail: string };

/** Sends what a debit awaiting the Region needs next: its void if one is asked for, else itself. */
export async function sendAwaiting(
  state: DebitState,
  region: RegionClient,
  store: Pick<DebitRequests, 'token' | 'voidBody'>,
): Promise<SendResult> {
  if (state.status === 'void_pending') {
    const voidId = state.voidId;
    const body = voidId ? store.voidBody(voidId) : undefined;
    if (!voidId || !body)
      return { kind: 'stuck', detail: `void of ${state.debitId}: its request is missing` };
    const request: VoidBody = {
      id: voidId,
      reason: body.reason,
      occurredAt: body.occurredAt,
      cashierId: body.cashierId,
    };
    const answer = await region.voidDebit(state.debitId, request);
    if (answer.kind === 'ok' || answer.kind === 'refused') {
      return {
        kind: 'answered',
        entry: voidAnswerEntry(state, voidId, answer, null),
        forget: answer.kind === 'ok' ? [voidId, state.debitId] : [voidId],
      };
    }
    return answer.kind === 'retry'
      ? { kind: 'retry', retryAfterMs: answer.retryAfterMs }
      : { kind: 'unknown', detail: answer.detail };
  }
  if (state.kind === 'coupon') {
    const answer = await region.redeemCoupon(state.couponId ?? '', couponRedeemBody(state));
    if (answer.kind === 'ok' || answer.kind === 'refused')
      return { kind: 'answered', entry: couponAnswerEntry(state, answer, null), forget: [] };
    return answer.kind === 'retry'
      ? { kind: 'retry', retryAfterMs: answer.retryAfterMs }
      : { kind: 'unknown', detail: answer.detail };
  }
  const token = store.token(state.debitId);
  if (token === undefined) return { kind: 'stuck', detail: `debit ${state.debitId}: its token is missing` };
  const answer = await region.postDebit(debitBody(state, token));
  if (answer.kind === 'ok' || answer.kind === 'refused') {
    // A later void needs only the debit's UUID, and the token holds a name: it goes once answered.
    return { kind: 'answered', entry: debitAnswerEntry(state, answer, null), forget: [state.debitId] };
  }
  return answer.kind === 'retry'
    ? { kind: 'retry', retryAfterMs: answer.retryAfterMs }
    : { kind: 'unknown', detail: answer.detail };
}
