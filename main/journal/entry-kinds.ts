// Every fact the journal can hold. New kinds may be added; none is ever renamed or removed, since old
// entries keep their kind forever.
export const ENTRY_KINDS = [
  'STARTUP',
  'SHUTDOWN',
  'ENROLLED',
  'LOGIN',
  'LOGOUT',
  'KEYS_REFRESHED',
  'CLOCK_SKEW',
  'CHAIN_BROKEN',
  'DEBIT_REQUESTED',
  'DEBIT_ACCEPTED',
  'DEBIT_REFUSED',
  'DEBIT_UNKNOWN',
  'DEBIT_OFFLINE_ACCEPTED',
  'VOID_REQUESTED',
  'DEBIT_VOIDED',
  'VOID_REFUSED',
  'COUPON_REDEEM_REQUESTED',
  'COUPON_REDEEMED',
  'COUPON_REFUSED',
  'CHECKIN_REQUESTED',
  'CHECKIN_RECORDED',
  'CHECKIN_REFUSED',
  'DAY_CLOSED',
  'MONTH_CLOSED',
  'RECONCILED',
  'EXPORTED',
  /** A wrong PIN: {staffId, failures} (never the PIN). */
  'LOGIN_FAILED',
  /** The tenth wrong PIN in a row: {staffId, failures}; only a manager unlocks. */
  'STAFF_LOCKED',
  /** A manager cleared a member's wrong PINs: {staffId, by, failures}. */
  'STAFF_UNLOCKED',
] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];

export function isEntryKind(value: unknown): value is EntryKind {
  return typeof value === 'string' && (ENTRY_KINDS as readonly string[]).includes(value);
}
