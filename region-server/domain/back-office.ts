// What the Region's back office can do to a recorded debit and no till can: re-date it (a line misfiled
// into another month). An /admin call of the reference server, so tests and demos can stage the Region's
// own mistakes that a till must name as the Region's (issue 17, the contest). A closed statement never
// changes: neither the debit's month nor the new one may be closed.
import { parisMonth } from '../../protocol/paris-time';
import { isMonthClosed } from './months';
import { ok, refuse, type Outcome } from './problem';
import type { Region } from './region';

export function redateDebit(
  region: Region,
  debitId: string,
  occurredAt: string,
): Outcome<{ id: string; occurredAt: string; month: string }> {
  const row = region.db.prepare('SELECT occurred_ms FROM debits WHERE id = ?').get(debitId) as
    { occurred_ms: number } | undefined;
  if (!row) return refuse('UNKNOWN_DEBIT', `no debit ${debitId}`, 404);
  const ms = Date.parse(occurredAt);
  for (const month of [parisMonth(row.occurred_ms), parisMonth(ms)]) {
    if (isMonthClosed(region, month)) return refuse('MONTH_CLOSED', `the statement of ${month} is closed`);
  }
  const at = new Date(ms).toISOString();
  region.db.prepare('UPDATE debits SET occurred_at = ?, occurred_ms = ? WHERE id = ?').run(at, ms, debitId);
  return ok({ id: debitId, occurredAt: at, month: parisMonth(ms) });
}
