// The one place a Region answer about a debit, a coupon redemption or a void becomes journal entries,
// shared by the engine (the cashier waiting) and the outbox (in the background) so both record the
// same facts the same way. Unknown outcomes record nothing here: they are not facts.
import type { AppendInput, DebitState } from '../journal/journal';
import type { RegionOutcome } from '../region/client';

const detailOf = (d: string | undefined): { detail?: string } => (d ? { detail: d.slice(0, 200) } : {});

/** Whether a debit request is still waiting for its own answer (not a void's). */
export function awaitsDebitAnswer(state: DebitState): boolean {
  return state.status === 'requested' || state.status === 'pending' || state.status === 'offline_accepted';
}

export function debitAnswerEntry(
  state: DebitState,
  answer: RegionOutcome<{ walletBalanceCents: number; acceptedAt: string }>,
  cashierId: string | null,
): AppendInput | null {
  if (answer.kind === 'ok') {
    const balance = answer.value.walletBalanceCents;
    return {
      kind: 'DEBIT_ACCEPTED',
      cashierId,
      payload: {
        debitId: state.debitId,
        // An offline debit may take a wallet below zero (the Region carries that risk): recorded as said.
        walletBalanceCents: balance,
        acceptedAt: answer.value.acceptedAt,
      },
    };
  }
  if (answer.kind === 'refused') {
    return {
      kind: 'DEBIT_REFUSED',
      cashierId,
      payload: { debitId: state.debitId, code: answer.code, ...detailOf(answer.detail) },
    };
  }
  return null;
}

export function couponAnswerEntry(
  state: DebitState,
  answer: RegionOutcome<{ amountCents: number }>,
  cashierId: string | null,
): AppendInput | null {
  if (answer.kind === 'ok')
    return {
      kind: 'COUPON_REDEEMED',
      cashierId,
      payload: { debitId: state.debitId, amountCents: answer.value.amountCents },
    };
  if (answer.kind === 'refused')
    return { kind: 'COUPON_REFUSED', cashierId, payload: { debitId: state.debitId, code: answer.code } };
  return null;
}

export function voidAnswerEntry(
  state: DebitState,
  voidId: string,
  answer: RegionOutcome<{ walletBalanceCents: number }>,
  cashierId: string | null,
): AppendInput | null {
  if (answer.kind === 'ok') {
    return {
      kind: 'DEBIT_VOIDED',
      cashierId,
      payload: { debitId: state.debitId, voidId, walletBalanceCents: answer.value.walletBalanceCents },
    };
  }
  if (answer.kind === 'refused' && answer.code === 'UNKNOWN_DEBIT') {
    // The Region never received the debit: the reversal's final word. The debit did not happen.
    return state.kind === 'coupon'
      ? { kind: 'COUPON_REFUSED', cashierId, payload: { debitId: state.debitId, code: 'UNKNOWN_DEBIT' } }
      : {
          kind: 'DEBIT_REFUSED',
          cashierId,
          payload: {
            debitId: state.debitId,
            code: 'UNKNOWN_DEBIT',
            detail: 'void: the Region never received this debit',
          },
        };
  }
  if (answer.kind === 'refused')
    return {
      kind: 'VOID_REFUSED',
      cashierId,
      payload: { debitId: state.debitId, voidId, code: answer.code },
    };
  return null;
}
