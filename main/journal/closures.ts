// Daily Z-closures and monthly closures: the payload of a DAY_CLOSED / MONTH_CLOSED entry, computed from
// the chain by closure-replay.ts.
//
// - totals: the signed lines of the period per category (every category present, zeros included): a
//   debit counts +1/+amount when accepted or offline-accepted, −1/−amount when voided or refused after.
// - corrections: lines recorded after their own period was sealed (a void or a late answer), carried as
//   their own signed lines into the next closure of the kind; a sealed closure never changes.
// - grandTotalCents: the previous closure of the same kind's grand total plus this period's: it always
//   equals the journal's net total up to this closure.
// - firstSeq..lastSeq: the entries written since the previous closure of the same kind, up to the head
//   when closing; lastHash is that head's hash, which seals everything before it.
// A period is closed once it has ended (PERIOD_NOT_ENDED before), and only once (PERIOD_ALREADY_CLOSED
// after, naming the closure entry: a retried command learns it was done, and by which entry).
import { parisDay, parisDayBounds, parisMonth, parisMonthBounds } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';

export type ClosureKind = 'day' | 'month';

export interface ClosureInputs {
  kind: ClosureKind;
  period: string;
  nowMs: number;
}

/** The period's bounds, refusing malformed periods and periods that have not ended. */
export function closurePeriod({ kind, period, nowMs }: ClosureInputs): { start: number; end: number } {
  const pattern =
    kind === 'day' ? /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ : /^\d{4}-(0[1-9]|1[0-2])$/;
  if (!pattern.test(period))
    throw new TillError(
      'INPUT_INVALID',
      `not a ${kind === 'day' ? 'day (YYYY-MM-DD)' : 'month (YYYY-MM)'}: ${period}`,
    );
  const bounds = kind === 'day' ? parisDayBounds(period) : parisMonthBounds(period);
  // Round-trip catches impossible dates such as 2026-02-30.
  if ((kind === 'day' ? parisDay(bounds.start) : parisMonth(bounds.start)) !== period)
    throw new TillError('INPUT_INVALID', `no such ${kind}: ${period}`);
  if (bounds.start > nowMs) throw new TillError('INPUT_INVALID', `${period} has not begun yet`);
  // A period closed before its end would be sealed while it can still change.
  if (bounds.end > nowMs)
    throw new TillError('PERIOD_NOT_ENDED', `${period} ends at ${new Date(bounds.end).toISOString()}`, {
      period,
    });
  return bounds;
}

/** The last Paris day that has ended: what a Z-closure closes by default. */
export function lastEndedDay(nowMs: number): string {
  return parisDay(parisDayBounds(parisDay(nowMs)).start - 1);
}
