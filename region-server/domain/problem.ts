// Refusals as values: an HTTP status and one of the contract's codes (region-api.md), with a technical
// detail. The till shows the cashier a French sentence per code; the detail is for people debugging.
import { REGION_FAULT_CODES, REGION_REFUSAL_CODES } from '../../protocol/problem-codes';

export const REGION_CODES = [...REGION_REFUSAL_CODES, ...REGION_FAULT_CODES] as const;

export type RegionCode = (typeof REGION_CODES)[number];

export interface Problem {
  status: number;
  code: RegionCode;
  detail: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A business refusal: 422 unless the contract says otherwise for that code. */
export function refuse<T = never>(code: RegionCode, detail: string, status = 422): Outcome<T> {
  return { ok: false, problem: { status, code, detail } };
}

export const TITLES: Readonly<Record<RegionCode, string>> = {
  ACTIVATION_INVALID: 'Activation code invalid or already used',
  PARTNER_SUSPENDED: 'Partner suspended',
  TOKEN_INVALID: 'Token invalid',
  TOKEN_EXPIRED: 'Token expired',
  TOKEN_USED: 'Token already used',
  MEMBERSHIP_INACTIVE: 'Membership inactive',
  NOT_ACCREDITED: 'Partner not accredited for this category',
  ITEM_NOT_ELIGIBLE: 'Item not eligible for this category',
  AMOUNT_INVALID: 'Amount invalid',
  CLOCK_SKEW: 'Clock skew too large',
  SEASON_CLOSED: 'Outside the season',
  INSUFFICIENT_BALANCE: 'Insufficient balance',
  OFFLINE_TOO_LATE: 'Offline debit sent too late',
  OFFLINE_LIMIT_EXCEEDED: 'Offline debit over the floor limit',
  RATE_LIMITED: 'Too many requests',
  VOID_WINDOW_CLOSED: 'Void window closed',
  UNKNOWN_DEBIT: 'Unknown debit',
  DEBIT_VOIDED: 'A void for this debit id came first',
  COUPON_UNKNOWN: 'Unknown coupon',
  COUPON_OTHER_PARTNER: 'Coupon reserved for another partner',
  COUPON_REDEEMED: 'Coupon already redeemed',
  COUPON_EXPIRED: 'Coupon expired',
  COUPON_CANCELLED: 'Coupon cancelled',
  NOT_REGISTERED: 'Not registered for this offer',
  OFFER_CLOSED: 'Offer closed',
  IDEMPOTENCY_CONFLICT: 'Same id, different request',
  UNAUTHORIZED: 'Unauthorized',
  NOT_FOUND: 'Not found',
  VALIDATION_FAILED: 'Request invalid',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal error',
};
