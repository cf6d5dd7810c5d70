// A reconciliation run: read the Region's record of a month, compare it with this device's journal,
// and append the result as a RECONCILED entry (the run itself becomes evidence: what was known, when).
import { createHash } from 'node:crypto';
import { parisMonth, parisMonthBounds } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';
import type { ReconciliationView } from '../../preload/contract/reconciliation';
import { canonicalJson } from '../journal/chain-hash';
import type { DebitState, Journal, JournalEntry, JsonObject, JsonValue } from '../journal/journal';
import { compareMonth, type Difference } from './compare';
import { fetchRegionMonth, type RegionRecordSource } from './region-record';

export interface ReconcileDeps {
  journal: Journal;
  source: RegionRecordSource;
  now(): number;
  cashierId?: string | null;
}

export interface ReconcileOptions {
  /** Append a RECONCILED entry only when the result differs from the month's last one (after-sync runs). */
  onlyIfChanged?: boolean;
}

/** How many differences a RECONCILED entry lists in full; the digest seals all of them. */
export const RECORDED_DIFFERENCES = 100;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const SLICES = 32;

function journalSlices(start: number, end: number): { fromAt: string; toAt: string }[] {
  const bounds = Array.from({ length: SLICES + 1 }, (_, i) => (i === SLICES ? end : start + Math.floor(((end - start) * i) / SLICES)));
  return bounds.slice(0, -1).map((from, i) => ({ fromAt: new Date(from).toISOString(), toAt: new Date(bounds[i + 1]!).toISOString() }));
}

function digestOf(differences: readonly Difference[]): string {
  const text = canonicalJson(differences as unknown as JsonValue);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The month's last RECONCILED entry, if any (newest first; a till reconciles a handful of months). */
export function lastReconciliation(journal: Journal, month: string): JournalEntry | undefined {
  for (let toSeq: number | undefined; ; ) {
    const page = journal.list({ kinds: ['RECONCILED'], order: 'desc', limit: 200, ...(toSeq !== undefined ? { toSeq } : {}) });
    const found = page.find((e) => e.payload['month'] === month);
    if (found) return found;
    if (page.length < 200) return undefined;
    toSeq = page[page.length - 1]!.seq - 1;
  }
}

export async function reconcileMonth(deps: ReconcileDeps, month: string, opts: ReconcileOptions = {}): Promise<ReconciliationView> {
  if (!MONTH.test(month)) throw new TillError('INPUT_INVALID', `not a month (YYYY-MM): ${month}`);
  const deviceId = deps.journal.deviceId();
  if (!deviceId) throw new TillError('NOT_ENROLLED', 'this journal has no device id');
  const nowMs = deps.now();
  if (parisMonthBounds(month).start > nowMs) throw new TillError('INPUT_INVALID', `${month} has not begun yet`);

  const { start, end } = parisMonthBounds(month);
  // The journal's side in contiguous slices of the month, read while the Region's pages are in flight.
  const slices = journalSlices(start, end);
  const tillDebits: DebitState[] = [];
  const readSlice = () => {
    const slice = slices.shift();
    if (!slice) return;
    for (const d of deps.journal.debits.list(slice)) tillDebits.push(d);
  };
  const record = await fetchRegionMonth(deps.source, month, readSlice);
  while (slices.length > 0) readSlice();
  const result = compareMonth({ month, deviceId, tillDebits, regionDebits: record.debits, statement: record.statement, nowMs });

  const ranAt = new Date(nowMs).toISOString();
  const digest = digestOf(result.differences);
  const openCount = result.differences.filter((d) => d.severity === 'action').length;
  const byKind: Record<string, number> = {};
  for (const d of result.differences) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;

  const previous = opts.onlyIfChanged ? lastReconciliation(deps.journal, month) : undefined;
  const entry =
    previous && previous.payload['digest'] === digest
      ? previous
      : deps.journal.append({
          kind: 'RECONCILED',
          cashierId: deps.cashierId ?? null,
          payload: {
            month,
            ranAt,
            deviceId,
            tillCount: result.till.count,
            tillTotalCents: result.till.totalCents,
            regionCount: result.region.count,
            regionTotalCents: result.region.totalCents,
            statementStatus: record.statement?.status ?? null,
            differenceCount: result.differences.length,
            openCount,
            byKind,
            digest,
            differences: result.differences.slice(0, RECORDED_DIFFERENCES).map(
              (d): JsonObject => ({ kind: d.kind, debitId: d.debitId, explanation: d.explanation, action: d.action, inOutbox: d.inOutbox }),
            ),
          },
        });

  return {
    month,
    ranAt,
    differences: result.differences,
    tillCount: result.till.count,
    regionCount: result.region.count,
    tillTotalCents: result.till.totalCents,
    regionTotalCents: result.region.totalCents,
    statement: record.statement
      ? {
          status: record.statement.status,
          debitCount: record.statement.debitCount,
          totalCents: record.statement.totalCents,
          paidAt: record.statement.paidAt,
          contestUntil: record.statement.contestUntil,
        }
      : null,
    openCount,
    entrySeq: entry.seq,
  };
}

/**
 * For the outbox, once it has drained: reconciles the current Paris month and the previous one (still
 * open, or within its contest window), recording a new entry only when the result changed. Errors are
 * returned, not thrown: a failed reconciliation must never fail a sync.
 */
export async function reconcileAfterSync(deps: ReconcileDeps): Promise<{ month: string; view?: ReconciliationView; error?: TillError }[]> {
  const now = deps.now();
  const current = parisMonth(now);
  const previous = parisMonth(parisMonthBounds(current).start - 1);
  const out: { month: string; view?: ReconciliationView; error?: TillError }[] = [];
  for (const month of [previous, current]) {
    try {
      out.push({ month, view: await reconcileMonth(deps, month, { onlyIfChanged: true }) });
    } catch (error) {
      if (!(error instanceof TillError)) throw error;
      out.push({ month, error });
    }
  }
  return out;
}
