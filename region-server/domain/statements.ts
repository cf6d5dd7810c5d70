// Monthly statements: a month counts a partner's accepted, not voided debits whose occurredAt falls in
// it (Paris time). Closing freezes the totals; paying stamps paidAt, and the partner may contest for
// 30 days after that.
import { parisMonth, parisMonthBounds } from '../../protocol/paris-time';
import { listDebitsInRange } from './debits';
import type { DebitView } from '../../protocol/debits';
import type { Statement } from '../../protocol/statements';
import { ok, refuse } from './problem';
import type { Outcome } from './problem';
import type { Region } from './region';

export const CONTEST_DAYS = 30;

interface MonthRow {
  month: string;
  closed_at: string;
  paid_at: string | null;
}

function monthRow(region: Region, month: string): MonthRow | undefined {
  return region.db.prepare('SELECT * FROM months WHERE month = ?').get(month) as MonthRow | undefined;
}

function liveTotals(
  region: Region,
  partnerId: string,
  month: string,
): { debitCount: number; totalCents: number } {
  const { start, end } = parisMonthBounds(month);
  const row = region.db
    .prepare(
      "SELECT COUNT(*) AS n, COALESCE(SUM(amount_cents), 0) AS total FROM debits WHERE partner_id = ? AND status = 'accepted' AND occurred_ms >= ? AND occurred_ms < ?",
    )
    .get(partnerId, start, end) as { n: number; total: number };
  return { debitCount: row.n, totalCents: row.total };
}

function contestUntil(paidAt: string | null): string | null {
  return paidAt ? new Date(Date.parse(paidAt) + CONTEST_DAYS * 86_400_000).toISOString() : null;
}

export function statementOf(region: Region, partnerId: string, month: string): Statement {
  const row = monthRow(region, month);
  if (!row)
    return {
      month,
      status: 'open',
      ...liveTotals(region, partnerId, month),
      closedAt: null,
      paidAt: null,
      contestUntil: null,
    };
  const frozen = region.db
    .prepare('SELECT debit_count, total_cents FROM statement_totals WHERE month = ? AND partner_id = ?')
    .get(month, partnerId) as { debit_count: number; total_cents: number } | undefined;
  return {
    month,
    status: row.paid_at ? 'paid' : 'closed',
    debitCount: frozen?.debit_count ?? 0,
    totalCents: frozen?.total_cents ?? 0,
    closedAt: row.closed_at,
    paidAt: row.paid_at,
    contestUntil: contestUntil(row.paid_at),
  };
}

/** Every month in which the partner has a debit, plus every closed month, newest first. */
export function listStatements(region: Region, partnerId: string): Statement[] {
  const months = new Set<string>();
  const debitMonths = region.db
    .prepare('SELECT DISTINCT occurred_ms FROM debits WHERE partner_id = ?')
    .all(partnerId) as { occurred_ms: number }[];
  for (const r of debitMonths) months.add(parisMonth(r.occurred_ms));
  for (const r of region.db.prepare('SELECT month FROM months').all() as { month: string }[])
    months.add(r.month);
  months.add(parisMonth(region.now()));
  return [...months]
    .sort()
    .reverse()
    .map((m) => statementOf(region, partnerId, m));
}

export function statementLines(region: Region, partnerId: string, month: string): DebitView[] {
  const { start, end } = parisMonthBounds(month);
  return listDebitsInRange(region, partnerId, start, end).filter((d) => d.status === 'accepted');
}

/**
 * The earliest instant a month may close: `maxOfflineHours` after its last instant, so that every offline
 * debit made in it and sent within the policy still counts in it (region-api.md, Statements).
 */
export function earliestClose(region: Region, month: string): number {
  return parisMonthBounds(month).end + region.settings.offline.maxOfflineHours * 3_600_000;
}

export function closeMonth(region: Region, month: string): Outcome<{ month: string; closedAt: string }> {
  const notBefore = earliestClose(region, month);
  if (region.now() < notBefore) {
    return refuse(
      'VALIDATION_FAILED',
      `${month} may close from ${new Date(notBefore).toISOString()} (its end plus the offline policy's ${region.settings.offline.maxOfflineHours} h)`,
      409,
    );
  }
  return region.db.transaction((): Outcome<{ month: string; closedAt: string }> => {
    const existing = monthRow(region, month);
    if (existing) return ok({ month, closedAt: existing.closed_at });
    const closedAt = region.nowIso();
    region.db.prepare('INSERT INTO months (month, closed_at) VALUES (?, ?)').run(month, closedAt);
    const partners = region.db.prepare('SELECT id FROM partners').all() as { id: string }[];
    const insert = region.db.prepare(
      'INSERT INTO statement_totals (month, partner_id, debit_count, total_cents) VALUES (?, ?, ?, ?)',
    );
    for (const p of partners) {
      const t = liveTotals(region, p.id, month);
      insert.run(month, p.id, t.debitCount, t.totalCents);
    }
    return ok({ month, closedAt });
  })();
}

export function payMonth(
  region: Region,
  month: string,
  paidAt?: string,
): Outcome<{ month: string; paidAt: string; contestUntil: string }> {
  const row = monthRow(region, month);
  if (!row) return refuse('VALIDATION_FAILED', `${month} is not closed`, 409);
  const at = row.paid_at ?? paidAt ?? region.nowIso();
  if (!row.paid_at) region.db.prepare('UPDATE months SET paid_at = ? WHERE month = ?').run(at, month);
  return ok({ month, paidAt: at, contestUntil: contestUntil(at) ?? at });
}

export function isMonthString(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
