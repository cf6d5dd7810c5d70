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
  // Issue 17: group outings, credit notes (avoirs) and contest letters.
  /** A group outing begins: {outingId, title, category, item, priceCents} (main/outing/). */
  'OUTING_OPENED',
  /** One pass of an outing: {outingId, debitId} for a debit made, or {outingId, code} for a pass to settle otherwise. */
  'OUTING_PASS',
  /** The outing's summary: {outingId, debitCount, atoutsCents, otherwiseCount, leaderPaysCents}. */
  'OUTING_CLOSED',
  /** A credit note of the partner's own money for a cancelled event: {avoirId, code, category, beneficiaryId, debitIds, amountCents} (main/avoir/). */
  'AVOIR_ISSUED',
  /** Part or all of an avoir spent: {avoirId, redemptionId, amountCents, remainingCents}. */
  'AVOIR_REDEEMED',
  /** A contest letter (§4.3.2) drafted for a paid month: {month, reconciledSeq, receivedCents, recordedCents, lineCount, contestUntil, sha256}. */
  'CONTEST_LETTER_PRODUCED',
  /** The Region refused an anchor of this journal's head (409): {anchorId, seq, hash, reason, anchoredSeq, anchoredHash}. */
  'ANCHOR_CONFLICT',
  /**
   * A backup restored onto this till (main/backup/restore-journal.ts): {stage: 'local', file, headSeq, headHash}
   * as the restored chain's first new fact; {stage: 'behind-region', regionSeq, headSeq, file} when the Region
   * had seen entries past the restored head.
   */
  'RESTORED',
] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];

export function isEntryKind(value: unknown): value is EntryKind {
  return typeof value === 'string' && (ENTRY_KINDS as readonly string[]).includes(value);
}
