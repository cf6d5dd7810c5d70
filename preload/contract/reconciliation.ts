// Monthly statements and reconciliation with the Region's record (the partner gets paid for every debit).
import { z } from 'zod';
import { call } from './define';
import { emptyInput, monthSchema } from './schemas';

export interface StatementView {
  month: string;
  status: 'open' | 'closed' | 'paid';
  regionCount: number;
  regionTotalCents: number;
  tillCount: number;
  tillTotalCents: number;
  closedAt: string | null;
  paidAt: string | null;
  contestUntil: string | null;
  /** Days left to contest (null before payment). */
  contestDaysLeft: number | null;
  /** Open differences for this month; a warning shows when the deadline nears with some open. */
  differenceCount: number;
  /** The deadline is near (7 days or less) or the month is closing while a difference is open. */
  deadlineWarning: boolean;
  /** When this month was last reconciled on this till (null: never). */
  lastReconciledAt: string | null;
  /** The last contest letter drafted for this month (§4.3.2), if any. */
  contestLetterAt: string | null;
  contestLetterSeq: number | null;
  /** Paid, within the 30 days, with a difference open or a letter drafted: the screen reminds the manager. */
  contestReminder: boolean;
}

export type DifferenceKind =
  | 'MISSING_AT_REGION'
  | 'MISSING_ON_TILL'
  | 'OTHER_DEVICE'
  | 'AMOUNT_MISMATCH'
  | 'CATEGORY_MISMATCH'
  | 'STATUS_MISMATCH'
  | 'STATEMENT_TOTAL_MISMATCH'
  /** Both sides know the debit but date it in different months (`linkedMonth` names the other one). */
  | 'MONTH_MISMATCH';

/** Why a difference exists; the UI has one sentence per code (`reconcile.explanation.<code>`). */
export const RECONCILE_EXPLANATIONS = [
  'NOT_YET_SENT',
  'ACCEPTED_THEN_UNKNOWN_AT_REGION',
  'JOURNAL_LOST_DEBIT',
  'DEBIT_OF_OTHER_DEVICE',
  'AMOUNT_DIFFERS',
  'CATEGORY_DIFFERS',
  'VOIDED_AT_REGION',
  'VOID_NOT_YET_SENT',
  'VOID_UNKNOWN_AT_REGION',
  'ANSWER_NOT_YET_RECORDED',
  'REFUSED_ON_TILL_ACCEPTED_AT_REGION',
  'STATEMENT_DIFFERS_FROM_REGION_LINES',
  'STATEMENT_DIFFERS_FROM_TILL',
  /** The Region dates this debit in another month than the journal does (the chain holds it). */
  'REGION_DATED_OTHER_MONTH',
  /** The Region lists a debit of this device that the verified chain proves it never requested. */
  'NEVER_MADE_BY_THIS_TILL',
] as const;
export type ReconcileExplanation = (typeof RECONCILE_EXPLANATIONS)[number];

/** What to do about it; one sentence per code (`reconcile.action.<code>`). */
export const RECONCILE_ACTIONS = [
  'WAIT_FOR_SYNC',
  'CONTEST_WITH_REGION',
  'RESTORE_JOURNAL_BACKUP',
  'RECONCILE_ON_OTHER_DEVICE',
  'CHECK_VOID_WITH_REGION',
  'RESOLVE_BEFORE_MONTH_CLOSES',
  'CONTEST_BEFORE_DEADLINE',
  'CONTEST_WINDOW_OVER',
] as const;
export type ReconcileAction = (typeof RECONCILE_ACTIONS)[number];

export interface DifferenceView {
  kind: DifferenceKind;
  debitId: string | null;
  month: string;
  till: Record<string, string | number | null> | null;
  region: Record<string, string | number | null> | null;
  /** Whether the till's side is still in its outbox (it may simply not be sent yet). */
  inOutbox: boolean;
  /** Codes the UI turns into an explanation and an action. */
  explanation: ReconcileExplanation;
  action: ReconcileAction;
  /** 'info' lines (another device's debits) need nothing from this till and do not count as open. */
  severity: 'action' | 'info';
  /** For MONTH_MISMATCH: the month in which the other side dates the debit. */
  linkedMonth?: string;
}

export interface ReconciliationView {
  month: string;
  ranAt: string;
  differences: DifferenceView[];
  tillCount: number;
  regionCount: number;
  tillTotalCents: number;
  regionTotalCents: number;
  /** What the statement should say by the till: its own counted debits plus the other devices' (the amount a contest letter calls recorded). */
  expectedTotalCents: number;
  /** The Region's statement of the month as read (null when the Region lists none). */
  statement: {
    status: 'open' | 'closed' | 'paid';
    debitCount: number;
    totalCents: number;
    paidAt: string | null;
    contestUntil: string | null;
  } | null;
  /** Differences that call for an action (severity 'action'). */
  openCount: number;
  /** The RECONCILED journal entry that records this run. */
  entrySeq: number;
}

export const reconciliationCalls = {
  'statement.list': call<StatementView[]>()(emptyInput, 'cashier'),
  'reconcile.run': call<ReconciliationView>()(z.object({ month: monthSchema }).strict(), 'manager'),
};
