import type { ErrorCode } from '../../../preload/contract';

export const errorsEn: Record<ErrorCode, string> = {
  ACTIVATION_INVALID: 'Invalid or already used activation code. Ask the Region for a new one.',
  PARTNER_SUSPENDED: 'Your organisation is suspended by the Region: no transaction possible.',
  TOKEN_INVALID: 'Unreadable or unrecognised QR code. Ask the youth to show a fresh QR code.',
  TOKEN_EXPIRED: 'This QR code has expired. Ask the youth to show a fresh one.',
  TOKEN_USED: 'This QR code was already used for a payment. Ask for a fresh one.',
  MEMBERSHIP_INACTIVE: "This youth's membership is not active this season.",
  NOT_ACCREDITED: 'Your organisation is not accredited for this category.',
  ITEM_NOT_ELIGIBLE: 'This item is not eligible (confectionery, drinks, a cycle under 5 sessions…).',
  AMOUNT_INVALID: 'Invalid amount: the Atouts part must be positive and at most the price.',
  CLOCK_SKEW: "The till's clock is off: check the computer's date and time.",
  SEASON_CLOSED: 'The season is over (or not open yet).',
  INSUFFICIENT_BALANCE: 'Insufficient balance. Lower the Atouts part; the youth pays the rest.',
  OFFLINE_TOO_LATE: 'Offline payment sent too late: the Region will not reimburse it.',
  OFFLINE_LIMIT_EXCEEDED: 'Offline, this amount is over the allowed limit.',
  MONTH_CLOSED: "This month's statement is already closed: the Region takes no more payments dated in it.",
  VOID_WINDOW_CLOSED: 'Void not allowed: only on the same day, before the month is closed.',
  UNKNOWN_DEBIT: 'Payment unknown to the Region.',
  COUPON_UNKNOWN: 'Unknown coupon. Check the code.',
  COUPON_OTHER_PARTNER: 'This coupon is reserved for another organisation.',
  COUPON_REDEEMED: 'This coupon was already used.',
  COUPON_EXPIRED: 'This coupon has expired.',
  COUPON_CANCELLED: 'This coupon was cancelled.',
  NOT_REGISTERED: 'This youth is not registered for this offer.',
  OFFER_CLOSED: 'This offer is closed.',
  IDEMPOTENCY_CONFLICT: 'Transaction conflict: contact support.',
  ANCHOR_CONFLICT:
    "This till's journal contradicts what the Region recorded of it: have the journal checked.",
  UNAUTHORIZED: 'This till is no longer recognised. A manager must enrol it again.',
  NOT_FOUND: 'Not found.',
  VALIDATION_FAILED: 'Refused by the Region: invalid data.',
  RATE_LIMITED: 'The Region is busy: retrying shortly.',
  PAYLOAD_TOO_LARGE: 'Request too large for the Region: contact support.',
  DEBIT_VOIDED:
    'This payment was abandoned and voided: it did not happen. Make it again with a fresh QR code if needed.',
  INPUT_INVALID: 'Invalid input: check the fields.',
  UNKNOWN_CALL: 'Unknown action: update the till.',
  NOT_ENROLLED: 'This till is not enrolled with the Region yet.',
  ALREADY_ENROLLED: 'This till is already enrolled.',
  NOT_LOGGED_IN: 'Log in to continue.',
  ROLE_REQUIRED: 'A manager must do this.',
  PIN_INVALID: 'Wrong PIN.',
  OVERRIDE_PIN_INVALID: 'Wrong manager PIN: the payment is not voided. The manager types their PIN again.',
  OVERRIDE_NOT_MANAGER: 'This person is not a manager: only a manager can authorise a void.',
  SESSION_LOCKED: 'Session locked: enter your PIN.',
  PIN_RETRY_LATER: 'Too many wrong PINs: wait {{seconds}} s before trying again.',
  STAFF_LOCKED: 'Account locked after 10 wrong PINs: a manager must unlock it (Settings → Staff).',
  SCAN_UNKNOWN: 'Scan expired: scan the QR code again.',
  SCAN_STALE: 'Scan expired: scan the QR code again.',
  REGION_UNREACHABLE: 'The Region does not answer. Try again.',
  OFFLINE_DISABLED: 'The Region does not answer and offline mode is disabled.',
  OFFLINE_KEYS_MISSING: 'The Region does not answer and the till has no keys to verify offline yet.',
  OFFLINE_MAX_AGE: 'Offline for too long: reconnect the till first.',
  DEBIT_PENDING: 'A payment is being checked.',
  DEBIT_ALREADY_ACCEPTED:
    'The Region already accepted this payment: void it to give the amount back (same day only).',
  DEBIT_NOT_VOIDABLE: 'The Region refused this payment: nothing was taken, there is nothing to void.',
  CLOSURE_PENDING_DEBITS: 'Cannot close: payments still await the Region.',
  PERIOD_NOT_ENDED:
    'Cannot close: {{period}} has not ended yet. The Z-closure is made once the day is over (after midnight).',
  PERIOD_ALREADY_CLOSED: '{{period}} is already closed (entry {{seq}}): a closure never changes.',
  PERIOD_NOT_CLOSED: 'This period is not closed yet: close it first (Closures, F5).',
  BACKUP_NOT_CONFIGURED: 'No backup folder is chosen: set it in Manage → Backups.',
  BACKUP_FOLDER_INVALID:
    "This folder cannot take backups: give the full path of an existing folder (a USB stick plugged in, a network share), outside the till's own folder.",
  BACKUP_FAILED: 'The backup failed: check that the folder (USB stick, share) is plugged in and writable.',
  RESTORE_TARGET_NOT_EMPTY:
    'This till already has its own journal: a backup is restored only onto a new or reinstalled computer.',
  PRINTER_UNREACHABLE:
    'The receipt printer does not answer: check that it is on, on the network and has paper.',
  WIPE_PENDING: 'Operations still await the Region: the erasure waits until all are sent.',
  // Issue 17 (group outings, avoirs, contest letters).
  CONTEST_NOT_DUE: 'No contest letter for this month: it is not paid yet, or nothing differs.',
  CONTEST_DEADLINE_PASSED:
    'The 30 days to contest this reimbursement are over: the claim would no longer be admissible.',
  OUTING_UNKNOWN: 'This group outing is no longer open. Open a new one.',
  AVOIR_UNKNOWN: 'No credit note has this code. Check what was typed (AV-XXXX-XXXX).',
  AVOIR_EXHAUSTED: 'The credit note does not cover this amount.',
  AVOIR_NOT_ELIGIBLE:
    'This payment cannot get a credit note: it is not accepted, was voided, or already has one.',
  DISCIPLINE_REQUIRED:
    "Choose the cycle's discipline (music/choir, dance, circus, theatre, puppetry or visual arts).",
  DISK_FULL: 'Disk full: the payment was not recorded. Free some space and try again.',
  STORAGE_READ_ONLY: 'Read-only storage: the payment was not recorded.',
  JOURNAL_BROKEN: 'Journal damaged: stop taking payments and contact support.',
  DEVICE_SECRET_UNREADABLE:
    'This till must be activated again: its Region access key cannot be read (power cut, damaged file). The journal is intact. Ask the Region for a new activation code, then reactivate the till with a manager’s PIN.',
  REGION_URL_INSECURE:
    'Region address refused: it must start with https:// (http:// only to this computer, for tests).',
  JOURNAL_HEAD_MISSING:
    'Journal damaged: the chain head is gone. The till refuses to start; contact support (till journal verify).',
  CORE_RESTARTED:
    "The till's core restarted during this operation: check the journal to see whether it went through before trying again.",
  CORE_UNAVAILABLE: "The till's core is restarting: try again in a moment.",
  INTERNAL: 'Unexpected error. Try again; contact support if it persists.',
};

/** The same refusals, naming the value the refusal carries (see errors.fr.ts). */
export const errorsWithEn: Partial<Record<ErrorCode, string>> = {
  AVOIR_EXHAUSTED: 'The credit note only covers {{remaining}} now.',
  INSUFFICIENT_BALANCE:
    'Insufficient balance: the Atouts part can be at most {{balance}}. Lower it; the youth pays the rest.',
  AMOUNT_INVALID:
    'This coupon is worth {{amount}} and is debited whole: the price must be at least {{amount}}. Otherwise, take payment without it.',
};
