// A reconciliation run: read the Region's record of a month, compare it with this device's journal,
// and append the result as a RECONCILED entry (the run itself becomes evidence: what was known, when).
import { createHash } from 'node:crypto';
import { parisMonth, parisMonthBounds } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';
import type { ReconciliationView } from '../../preload/contract/reconciliation';
import { canonicalJson } from '../journal/chain-hash';
import type { DebitState, EntryKind, Journal, JournalEntry, JsonObject, JsonValue } from '../journal/journal';
import type { DebitView } from '../../protocol/debits';
import { compareMonth, type Difference, type Elsewhere } from './compare';
import { fetchRegionDebits, fetchRegionMonth, type RegionRecordSource } from './region-record';

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

/**
 * How many months either side of the reconciled one are read when the Region lacks a debit of the
 * till's: enough for a debit dated across a month's edge or misfiled by a back office, bounded so a
 * single stray line never reads the whole history.
 */
export const NEIGHBOUR_MONTHS = 2;

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The journal's side of the cross-month lookups: a debit by id only when the chain's own entry at its
 * request sequence says so (the debits table is a cache), and a proof of absence only from a chain that
 * verifies, whose entry at the Region's deviceSeq is some other fact, and only below every restore: after a
 * backup is restored (RESTORED, headSeq) the numbers past its head were given again, so an entry there
 * may have replaced the very debit the Region holds.
 */
function journalLookups(
  journal: Journal,
  deviceId: string,
  regionElsewhere: Map<string, DebitView>,
): Elsewhere {
  let intact: boolean | undefined;
  const chainIntact = () => (intact ??= journal.verify().ok);
  let restoredAt: number | undefined;
  const lowestRestoredHead = () =>
    (restoredAt ??= Math.min(
      Infinity,
      ...journal
        .list({ kinds: ['RESTORED'] })
        .map((e) => (typeof e.payload['headSeq'] === 'number' ? e.payload['headSeq'] : 0)),
    ));
  return {
    tillDebit(debitId) {
      const d = journal.debits.get(debitId);
      if (!d) return undefined;
      return journal.get(d.requestSeq)?.payload['debitId'] === debitId ? d : undefined;
    },
    regionDebit: (debitId) => regionElsewhere.get(debitId),
    provesNeverMade(debit) {
      if (debit.deviceId !== deviceId || debit.deviceSeq < 1 || debit.deviceSeq > journal.head().seq)
        return false;
      if (debit.deviceSeq > lowestRestoredHead() || !chainIntact()) return false;
      const entry = journal.get(debit.deviceSeq);
      return entry !== undefined && entry.payload['debitId'] !== debit.id;
    },
  };
}

function journalSlices(start: number, end: number): { fromAt: string; toAt: string }[] {
  const bounds = Array.from({ length: SLICES + 1 }, (_, i) =>
    i === SLICES ? end : start + Math.floor(((end - start) * i) / SLICES),
  );
  return bounds.slice(0, -1).map((from, i) => ({
    fromAt: new Date(from).toISOString(),
    toAt: new Date(bounds[i + 1]!).toISOString(),
  }));
}

function digestOf(differences: readonly Difference[]): string {
  const text = canonicalJson(differences as unknown as JsonValue);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The month's last RECONCILED entry, if any (newest first; a till reconciles a handful of months). */
export function lastReconciliation(journal: Journal, month: string): JournalEntry | undefined {
  return lastMonthEntry(journal, 'RECONCILED', month);
}

/** The last entry of a kind whose payload names the month, newest first, paged. */
export function lastMonthEntry(journal: Journal, kind: EntryKind, month: string): JournalEntry | undefined {
  for (let toSeq: number | undefined; ;) {
    const page = journal.list({
      kinds: [kind],
      order: 'desc',
      limit: 200,
      ...(toSeq !== undefined ? { toSeq } : {}),
    });
    const found = page.find((e) => e.payload['month'] === month);
    if (found) return found;
    if (page.length < 200) return undefined;
    toSeq = page[page.length - 1]!.seq - 1;
  }
}

export async function reconcileMonth(
  deps: ReconcileDeps,
  month: string,
  opts: ReconcileOptions = {},
): Promise<ReconciliationView> {
  if (!MONTH.test(month)) throw new TillError('INPUT_INVALID', `not a month (YYYY-MM): ${month}`);
  const deviceId = deps.journal.deviceId();
  if (!deviceId) throw new TillError('NOT_ENROLLED', 'this journal has no device id');
  const nowMs = deps.now();
  if (parisMonthBounds(month).start > nowMs)
    throw new TillError('INPUT_INVALID', `${month} has not begun yet`);

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
  const regionElsewhere = new Map<string, DebitView>();
  const inputs = {
    month,
    deviceId,
    tillDebits,
    regionDebits: record.debits,
    statement: record.statement,
    nowMs,
    elsewhere: journalLookups(deps.journal, deviceId, regionElsewhere),
  };
  let result = compareMonth(inputs);
  if (result.differences.some((d) => d.explanation === 'ACCEPTED_THEN_UNKNOWN_AT_REGION')) {
    // The Region may hold it in another month: read the neighbours, then compare again.
    const before = {
      from: new Date(parisMonthBounds(shiftMonth(month, -NEIGHBOUR_MONTHS)).start).toISOString(),
      to: new Date(start).toISOString(),
    };
    const after = {
      from: new Date(end).toISOString(),
      to: new Date(parisMonthBounds(shiftMonth(month, NEIGHBOUR_MONTHS)).end).toISOString(),
    };
    for (const range of [before, after])
      for (const r of await fetchRegionDebits(deps.source, range)) regionElsewhere.set(r.id, r);
    result = compareMonth(inputs);
  }

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
            // The contest deadline rides with the run, so the reminder needs no Region (main/reconciliation/contest.ts).
            contestUntil: record.statement?.contestUntil ?? null,
            differenceCount: result.differences.length,
            openCount,
            byKind,
            digest,
            differences: result.differences.slice(0, RECORDED_DIFFERENCES).map((d): JsonObject => ({
              kind: d.kind,
              debitId: d.debitId,
              explanation: d.explanation,
              action: d.action,
              inOutbox: d.inOutbox,
              ...(d.linkedMonth ? { linkedMonth: d.linkedMonth } : {}),
            })),
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
    expectedTotalCents: result.expected.totalCents,
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
export async function reconcileAfterSync(
  deps: ReconcileDeps,
): Promise<{ month: string; view?: ReconciliationView; error?: TillError }[]> {
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
