// Every refusal the till can give, as a code. The UI owns the words (renderer/i18n); the core never
// puts French in an error. Region codes are the contract's (region-api.md, protocol/problem-codes.ts); the others are the till's own.
import { REGION_REFUSAL_CODES } from '../../protocol/problem-codes';

export const REGION_ERROR_CODES = REGION_REFUSAL_CODES;

export const TILL_ERROR_CODES = [
  /** The transport's schema refused the input before the core saw it. */
  'INPUT_INVALID',
  'UNKNOWN_CALL',
  'NOT_ENROLLED',
  'ALREADY_ENROLLED',
  'NOT_LOGGED_IN',
  'ROLE_REQUIRED',
  'PIN_INVALID',
  /** A manager's override (a void on a cashier's session): the PIN typed does not match that manager. */
  'OVERRIDE_PIN_INVALID',
  /** The override names a staff member who is not a manager. */
  'OVERRIDE_NOT_MANAGER',
  'SESSION_LOCKED',
  /** Too many wrong PINs for this staff member: the next try waits (params: retryAt, seconds). */
  'PIN_RETRY_LATER',
  /** Ten wrong PINs in a row: a manager must unlock this staff member. */
  'STAFF_LOCKED',
  'SCAN_UNKNOWN',
  'SCAN_STALE',
  /** The Region could not be reached or did not answer definitely; nothing is known yet. */
  'REGION_UNREACHABLE',
  'OFFLINE_DISABLED',
  'OFFLINE_KEYS_MISSING',
  'OFFLINE_MAX_AGE',
  'DEBIT_PENDING',
  /** Abandon asked of a debit the Region accepted: it must be voided instead. */
  'DEBIT_ALREADY_ACCEPTED',
  /** Void asked of a debit the Region refused: nothing was taken. */
  'DEBIT_NOT_VOIDABLE',
  'CLOSURE_PENDING_DEBITS',
  /** A day or month is closed only once it has ended (params: period). */
  'PERIOD_NOT_ENDED',
  /** The period is sealed already (params: period, seq of its closure entry). */
  'PERIOD_ALREADY_CLOSED',
  /** A closure's PDF asked of a period that has no closure yet (params: period). */
  'PERIOD_NOT_CLOSED',
  /** No backup folder is chosen yet (Gestion → Sauvegardes). */
  'BACKUP_NOT_CONFIGURED',
  /** The backup folder typed is not usable (params: reason NOT_ABSOLUTE, ROOT, MISSING or DATA_FOLDER). */
  'BACKUP_FOLDER_INVALID',
  /** The backup could not be written or checked (detail: the backup's own code and message). */
  'BACKUP_FAILED',
  /** A backup is restored only onto a till without a journal of its own (a new PC, a reinstalled one). */
  'RESTORE_TARGET_NOT_EMPTY',
  /** The network receipt printer did not take the receipt (params: host). */
  'PRINTER_UNREACHABLE',
  /** The end-of-partnership wipe waits until the Region has confirmed everything (params: pending). */
  'WIPE_PENDING',
  // Issue 17 (group outings, avoirs, contest letters).
  /** A contest letter asked of a month that is not paid, or where nothing differs (params: month, reason). */
  'CONTEST_NOT_DUE',
  /** The 30 days to contest a paid month are over (params: month, contestUntil). */
  'CONTEST_DEADLINE_PASSED',
  /** No open outing by that id (it was closed, or never opened). */
  'OUTING_UNKNOWN',
  /** No avoir by that code. */
  'AVOIR_UNKNOWN',
  /** The avoir holds less than asked (params: remainingCents). */
  'AVOIR_EXHAUSTED',
  /** An avoir asked for a debit that is not an accepted debit of this till, or was already given one (params: debitId). */
  'AVOIR_NOT_ELIGIBLE',
  /** A cycle (CYCLE) must name its artistic discipline (regulation 3.2.1). */
  'DISCIPLINE_REQUIRED',
  'DISK_FULL',
  'STORAGE_READ_ONLY',
  'JOURNAL_BROKEN',
  /** The device token cannot be opened (its key file is empty or damaged, or the OS keychain changed): enrol again. */
  'DEVICE_SECRET_UNREADABLE',
  /** A Region address that is not https:// (plain http is allowed on this computer's loopback only). */
  'REGION_URL_INSECURE',
  /** The journal's chain-head row is gone: the till refuses to open it (run `till journal verify`). */
  'JOURNAL_HEAD_MISSING',
  /** The till's core process stopped while this call was under way: it restarted; check the outcome before retrying. */
  'CORE_RESTARTED',
  /** The till's core process is not running (it restarts by itself): try again in a moment. */
  'CORE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type RegionErrorCode = (typeof REGION_ERROR_CODES)[number];
export type TillErrorCode = (typeof TILL_ERROR_CODES)[number];
export type ErrorCode = RegionErrorCode | TillErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [...REGION_ERROR_CODES, ...TILL_ERROR_CODES];

export interface TillErrorValue {
  code: ErrorCode;
  /** A technical detail for logs and support (never shown as the cashier's sentence). */
  detail?: string;
  /** Values the UI may put in its sentence (a balance, a deadline…). */
  params?: Record<string, string | number>;
}

/** Thrown inside the core; the dispatcher turns it into an error value. */
export class TillError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number> | undefined;
  constructor(code: ErrorCode, detail?: string, params?: Record<string, string | number>) {
    super(detail ?? code);
    this.name = 'TillError';
    this.code = code;
    this.params = params;
  }
  toValue(): TillErrorValue {
    const v: TillErrorValue = { code: this.code };
    if (this.message !== this.code) v.detail = this.message;
    if (this.params) v.params = this.params;
    return v;
  }
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: TillErrorValue };
