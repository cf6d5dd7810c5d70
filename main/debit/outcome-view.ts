// A debit's state in the journal, as the contract shows it to the UI (DebitOutcome).
import {
  ERROR_CODES,
  type DebitOutcome,
  type DebitStatus as ContractStatus,
  type ErrorCode,
} from '../../preload/contract';
import type { DebitState, ProjectedDebitStatus } from '../journal/journal';

/** Everything the Region has not confirmed reads "pending": never "refused" before a definite answer. */
export function contractStatus(status: ProjectedDebitStatus): ContractStatus {
  switch (status) {
    case 'accepted':
    case 'offline_accepted':
    case 'refused':
    case 'voided':
      return status;
    case 'requested':
    case 'pending':
    case 'void_pending':
      return 'pending';
  }
}

/** The projection statuses a contract status covers (journal filters). */
export function projectionStatuses(status: ContractStatus): ProjectedDebitStatus[] {
  return status === 'pending' ? ['requested', 'pending', 'void_pending'] : [status];
}

export function asErrorCode(code: string | null): ErrorCode | undefined {
  return code !== null && (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined;
}

export function debitOutcome(state: DebitState): DebitOutcome {
  const status = contractStatus(state.status);
  const code = asErrorCode(state.code);
  return {
    debitId: state.debitId,
    deviceSeq: state.requestSeq,
    status,
    // A void refused leaves its code on an accepted debit: worth showing. A refusal's code always is.
    ...(code !== undefined && (status === 'refused' || state.status !== 'void_pending') ? { code } : {}),
    category: state.category,
    item: state.item,
    priceCents: state.priceCents,
    amountCents: state.amountCents,
    remainderCents: state.priceCents - state.amountCents,
    walletBalanceCents: state.walletBalanceCents,
    occurredAt: state.occurredAt,
  };
}
