// Refusals as values: an HTTP status and one of the contract's codes (region-api.md), with a technical
// detail. The till shows the cashier a French sentence per code; the detail is for people debugging.
import { REGION_FAULT_CODES, REGION_REFUSAL_CODES } from '../../protocol/problem-codes';

/**
 * Refusals of the reference server's own /admin calls (membership rules, regulation III 3.1): a person
 * setting up a demo or a test meets them, a till never does, so they stay out of the shared contract.
 */
export const ADMIN_REFUSAL_CODES = [
  'AGE_NOT_ELIGIBLE',
  'ATOUTS_LIVRE_REQUIRED',
  'JOINING_CLOSED',
  'ALREADY_MEMBER',
] as const;

export const REGION_CODES = [...REGION_REFUSAL_CODES, ...REGION_FAULT_CODES, ...ADMIN_REFUSAL_CODES] as const;

export type RegionCode = (typeof REGION_CODES)[number];

export interface Problem {
  status: number;
  code: RegionCode;
  detail: string;
  /** Extension members of the problem document (RFC 9457 §3.2), e.g. the anchor an anchor contradicts. */
  extra?: Record<string, unknown>;
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
  MONTH_CLOSED: 'The statement of that month is closed',
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
  ANCHOR_CONFLICT: 'Anchor contradicts an earlier one',
  UNAUTHORIZED: 'Unauthorized',
  NOT_FOUND: 'Not found',
  VALIDATION_FAILED: 'Request invalid',
  PAYLOAD_TOO_LARGE: 'Request body too large',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal error',
  AGE_NOT_ELIGIBLE: 'Not aged 15 to 25 when joining',
  ATOUTS_LIVRE_REQUIRED: 'Under 15: only a lycée pupil eligible to Atouts Livre may join',
  JOINING_CLOSED: 'Joining is open from 1 July to 31 May of the season',
  ALREADY_MEMBER: 'Already a member this season',
};
