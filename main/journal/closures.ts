// Daily Z-closures and monthly closures: the payload of a DAY_CLOSED / MONTH_CLOSED entry.
//
// - totals: accepted and offline-accepted debits whose occurredAt falls in the Paris period, per
//   category (every category present, zeros included); voided and refused ones are left out.
// - grandTotalCents: the previous closure of the same kind's grand total plus this period's: perpetual,
//   it only grows.
// - firstSeq..lastSeq: the entries written since the previous closure of the same kind, up to the head
//   when closing; lastHash is that head's hash, which seals everything before it.
// A period is closed once: closing it again returns the closure entry already made (idempotent, so a
// retried command or a double click is harmless).
import { parisDay, parisDayBounds, parisMonth, parisMonthBounds } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';
import type { ClosurePayload } from './debit-payloads';
import type { CategoryTotals } from './debit-projection';

export type ClosureKind = 'day' | 'month';

export interface ClosureInputs {
  kind: ClosureKind;
  period: string;
  nowMs: number;
}

/** The period's bounds, refusing malformed or future periods. */
export function closurePeriod({ kind, period, nowMs }: ClosureInputs): { start: number; end: number } {
  const pattern = kind === 'day' ? /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ : /^\d{4}-(0[1-9]|1[0-2])$/;
  if (!pattern.test(period)) throw new TillError('INPUT_INVALID', `not a ${kind === 'day' ? 'day (YYYY-MM-DD)' : 'month (YYYY-MM)'}: ${period}`);
  const bounds = kind === 'day' ? parisDayBounds(period) : parisMonthBounds(period);
  // Round-trip catches impossible dates such as 2026-02-30.
  if ((kind === 'day' ? parisDay(bounds.start) : parisMonth(bounds.start)) !== period) throw new TillError('INPUT_INVALID', `no such ${kind}: ${period}`);
  if (bounds.start > nowMs) throw new TillError('INPUT_INVALID', `${period} has not begun yet`);
  return bounds;
}

export function closurePayload(args: {
  period: string;
  totals: CategoryTotals;
  previous: { grandTotalCents: number; lastSeq: number } | undefined;
  head: { seq: number; hash: string };
}): ClosurePayload {
  const values = Object.values(args.totals);
  const periodTotalCents = values.reduce((sum, t) => sum + t.amountCents, 0);
  return {
    period: args.period,
    totals: args.totals,
    count: values.reduce((sum, t) => sum + t.count, 0),
    periodTotalCents,
    grandTotalCents: (args.previous?.grandTotalCents ?? 0) + periodTotalCents,
    firstSeq: (args.previous?.lastSeq ?? 0) + 1,
    lastSeq: args.head.seq,
    lastHash: args.head.hash,
  };
}
