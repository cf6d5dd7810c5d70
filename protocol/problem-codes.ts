// The codes of the Region's `application/problem+json` answers (region-api.md), shared by the reference
// server that sends them and the till that turns each into a French sentence.

/** Codes of definite refusals (4xx): nothing happened at the Region. */
export const REGION_REFUSAL_CODES = [
  'ACTIVATION_INVALID',
  'PARTNER_SUSPENDED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_USED',
  'MEMBERSHIP_INACTIVE',
  'NOT_ACCREDITED',
  'ITEM_NOT_ELIGIBLE',
  'AMOUNT_INVALID',
  'CLOCK_SKEW',
  'SEASON_CLOSED',
  'INSUFFICIENT_BALANCE',
  'OFFLINE_TOO_LATE',
  'OFFLINE_LIMIT_EXCEEDED',
  /** The statement of the month the debit or redemption is dated in is already closed. */
  'MONTH_CLOSED',
  'VOID_WINDOW_CLOSED',
  'UNKNOWN_DEBIT',
  /** A debit that arrives after the Region recorded its void (the till abandoned it): it never happened. */
  'DEBIT_VOIDED',
  'COUPON_UNKNOWN',
  'COUPON_OTHER_PARTNER',
  'COUPON_REDEEMED',
  'COUPON_EXPIRED',
  'COUPON_CANCELLED',
  'NOT_REGISTERED',
  'OFFER_CLOSED',
  'IDEMPOTENCY_CONFLICT',
  /** A journal anchor that contradicts one the Region holds for this device (cut, rewritten or restored journal). */
  'ANCHOR_CONFLICT',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
] as const;

/** Codes of server faults (5xx): for a till, the outcome of a write is unknown. */
export const REGION_FAULT_CODES = ['SERVICE_UNAVAILABLE', 'INTERNAL'] as const;

export type RegionRefusalCode = (typeof REGION_REFUSAL_CODES)[number];
export type RegionFaultCode = (typeof REGION_FAULT_CODES)[number];
