// The statements screen's data: each month the Region reports, both sides' counts and totals, the
// payment and the contest deadline (paidAt + 30 days, region-api.md), and a warning when the deadline
// nears while the last reconciliation of that month left a difference open.
import { parisMonthBounds } from '../../protocol/paris-time';
import type { StatementView } from '../../preload/contract/reconciliation';
import type { Journal } from '../journal/journal';
import type { Statement } from '../../protocol/statements';
import { lastMonthEntry, lastReconciliation } from './reconcile';

const DAY_MS = 86_400_000;
/** Days before the contest deadline from which an open difference raises the warning. */
export const WARNING_DAYS = 7;

/** Whole days left to contest, rounded up (a deadline later today is 1 day left), never negative. */
export function contestDaysLeft(contestUntil: string | null, nowMs: number): number | null {
  if (!contestUntil) return null;
  return Math.max(0, Math.ceil((Date.parse(contestUntil) - nowMs) / DAY_MS));
}

export function statementView(journal: Journal, s: Statement, nowMs: number): StatementView {
  const { start, end } = parisMonthBounds(s.month);
  const totals = Object.values(
    journal.debits.totals({ fromAt: new Date(start).toISOString(), toAt: new Date(end).toISOString() }),
  );
  const last = lastReconciliation(journal, s.month);
  const open = typeof last?.payload['openCount'] === 'number' ? last.payload['openCount'] : 0;
  const daysLeft = contestDaysLeft(s.contestUntil, nowMs);
  // Before payment the pressing date is the month's closing: its statement freezes what gets paid.
  const nearing =
    s.status === 'paid'
      ? daysLeft !== null && daysLeft > 0 && daysLeft <= WARNING_DAYS
      : s.status === 'closed' || end - nowMs <= WARNING_DAYS * DAY_MS;
  return {
    month: s.month,
    status: s.status,
    regionCount: s.debitCount,
    regionTotalCents: s.totalCents,
    tillCount: totals.reduce((n, t) => n + t.count, 0),
    tillTotalCents: totals.reduce((n, t) => n + t.amountCents, 0),
    closedAt: s.closedAt,
    paidAt: s.paidAt,
    contestUntil: s.contestUntil,
    contestDaysLeft: daysLeft,
    differenceCount: open,
    deadlineWarning: open > 0 && nearing,
    ...contestReminder(journal, s, open, daysLeft),
    lastReconciledAt: last
      ? typeof last.payload['ranAt'] === 'string'
        ? last.payload['ranAt']
        : last.at
      : null,
  };
}

export function statementViews(
  journal: Journal,
  statements: readonly Statement[],
  nowMs: number,
): StatementView[] {
  return statements.map((s) => statementView(journal, s, nowMs));
}

/**
 * The contest letter's reminder: once a paid month has a difference open (or a letter was drafted), the
 * Clôtures screen keeps saying so, with the days left, until the deadline passes (§4.3.2).
 */
function contestReminder(
  journal: Journal,
  s: Statement,
  open: number,
  daysLeft: number | null,
): Pick<StatementView, 'contestLetterAt' | 'contestLetterSeq' | 'contestReminder'> {
  const letter = lastMonthEntry(journal, 'CONTEST_LETTER_PRODUCED', s.month);
  const windowOpen = s.status === 'paid' && daysLeft !== null && daysLeft > 0;
  return {
    contestLetterAt: letter?.at ?? null,
    contestLetterSeq: letter?.seq ?? null,
    contestReminder: windowOpen && (open > 0 || letter !== undefined),
  };
}
