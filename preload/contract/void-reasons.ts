// The coded reasons of a void: shared by the debit calls (what the manager picks) and the journal (what
// the chain may hold), in a module of its own so neither imports the other.
/**
 * Why a manager voids a debit: a coded choice, the only reason the hash chain keeps (issue 15). Anything
 * typed besides goes outside the chain, with the personal data, and is purged with it.
 */
export const VOID_REASONS = [
  'CUSTOMER_CANCELLED',
  'EVENT_CANCELLED',
  'WRONG_AMOUNT',
  'WRONG_ITEM',
  'DUPLICATE',
  'OTHER',
] as const;
export type VoidReason = (typeof VOID_REASONS)[number];
/** Every reason a VOID_REQUESTED entry may carry: the manager's, and the till's own when a pending debit is abandoned. */
export const VOID_REASON_CODES = [...VOID_REASONS, 'ABANDONED_UNKNOWN'] as const;
export type VoidReasonCode = (typeof VOID_REASON_CODES)[number];
