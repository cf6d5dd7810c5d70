// The comparison itself: one month of this device's journal against the Region's record of the
// partner (every device) and its statement. Pure, so the rules read as a table and run fast on 50,000
// lines: one Map of the Region's debits, one pass over each side.
//
// Kinds (preload/contract/reconciliation.ts):
// - MISSING_AT_REGION  the till has a debit the Region does not; `inOutbox` tells whether the till simply
//                      has not sent it yet (wait for sync) or the Region accepted it and then lost it.
// - MISSING_ON_TILL    the Region has a debit made by THIS device that the journal lacks: the journal
//                      lost something (restored from an old backup, replaced file).
// - OTHER_DEVICE       a debit of another device of the partner: not this till's to prove, listed for the
//                      statement's totals (severity 'info').
// - AMOUNT_/CATEGORY_/STATUS_MISMATCH  both sides know the debit but disagree.
// - STATEMENT_TOTAL_MISMATCH  the month's statement does not add up: against the Region's own lines, or
//                      against what the till expects (its own debits plus the other devices').
// - MONTH_MISMATCH     both sides know the debit but date it in different months: found by its id in the
//                      other month, the two months' lines linked by `linkedMonth` (issue 17).
// A line only one side has is looked up by id before anyone is blamed: when the verified chain holds the
// debit elsewhere, or proves this device never requested it, the difference is the Region's to answer
// for (a contest), not a lost journal.
import type { Category } from '../../protocol/catalogue';
import { parisMonth } from '../../protocol/paris-time';
import type {
  DifferenceKind,
  ReconcileAction,
  ReconcileExplanation,
} from '../../preload/contract/reconciliation';
import type { DebitState, ProjectedDebitStatus } from '../journal/journal';
import type { DebitView } from '../../protocol/debits';
import type { Statement } from '../../protocol/statements';

export type Severity = 'action' | 'info';

export type Explanation = ReconcileExplanation;
export type Action = ReconcileAction;

export type Side = Record<string, string | number | null>;

export interface Difference {
  kind: DifferenceKind;
  debitId: string | null;
  month: string;
  till: Side | null;
  region: Side | null;
  inOutbox: boolean;
  explanation: Explanation;
  action: Action;
  severity: Severity;
  /** The other month of a MONTH_MISMATCH: where the other side dates the same debit. */
  linkedMonth?: string;
}

/** Lookups by id outside the month, so a line one side lacks is traced before anyone is blamed. */
export interface Elsewhere {
  /** This device's debit by id, whatever its month, when the chain holds its request entry. */
  tillDebit(debitId: string): DebitState | undefined;
  /** The Region's record of a debit outside the month (the neighbouring months read), by id. */
  regionDebit(debitId: string): DebitView | undefined;
  /** True when the verified chain proves this device never requested the debit (its deviceSeq is another fact). */
  provesNeverMade(debit: DebitView): boolean;
}

export interface MonthInputs {
  month: string;
  deviceId: string;
  /** This device's debits whose occurredAt falls in the month (every status). */
  tillDebits: readonly DebitState[];
  /** The Region's debits of the partner, every device, occurredAt in the month. */
  regionDebits: readonly DebitView[];
  statement: Statement | null;
  nowMs: number;
  elsewhere?: Elsewhere;
}

export interface Totals {
  count: number;
  totalCents: number;
}

export interface MonthComparison {
  differences: Difference[];
  /** This device's debits the till counts (accepted, offline-accepted, void pending). */
  till: Totals;
  /** The Region's accepted debits of the partner (every device). */
  region: Totals;
  /** What the till expects the statement to say: its own counted debits plus the other devices'. */
  expected: Totals;
}

/** Statuses in which the till counts a debit as owed to the partner. */
const COUNTED: ReadonlySet<ProjectedDebitStatus> = new Set<ProjectedDebitStatus>([
  'accepted',
  'offline_accepted',
  'void_pending',
]);
/** Statuses in which the debit (or its void) still waits in the outbox. */
const IN_OUTBOX: ReadonlySet<ProjectedDebitStatus> = new Set<ProjectedDebitStatus>([
  'requested',
  'pending',
  'offline_accepted',
  'void_pending',
]);

/** What either side says of a debit, the fields the comparison weighs. */
function sideOf(d: Pick<DebitState | DebitView, 'status' | 'amountCents' | 'category' | 'occurredAt'>): Side {
  return { status: d.status, amountCents: d.amountCents, category: d.category, occurredAt: d.occurredAt };
}

function tillSide(d: DebitState): Side {
  return { ...sideOf(d), mode: d.mode };
}

/** The Region's side also names the device and its sequence number, as the statement lists them. */
function regionSide(r: DebitView): Side {
  return { ...sideOf(r), deviceId: r.deviceId, deviceSeq: r.deviceSeq, mode: r.mode };
}

/** Which action a line difference calls for, once the month's statement status is known. */
function contestAction(statement: Statement | null, nowMs: number): Action {
  if (!statement || statement.status === 'open') return 'RESOLVE_BEFORE_MONTH_CLOSES';
  if (statement.contestUntil && Date.parse(statement.contestUntil) < nowMs) return 'CONTEST_WINDOW_OVER';
  return 'CONTEST_BEFORE_DEADLINE';
}

export function compareMonth(input: MonthInputs): MonthComparison {
  const { month, deviceId, statement, nowMs } = input;
  const differences: Difference[] = [];
  const contest = contestAction(statement, nowMs);
  const regionById = new Map<string, DebitView>();
  const region: Totals = { count: 0, totalCents: 0 };
  const others: Totals = { count: 0, totalCents: 0 };
  for (const r of input.regionDebits) {
    regionById.set(r.id, r);
    if (r.status !== 'accepted') continue;
    region.count += 1;
    region.totalCents += r.amountCents;
    if (r.deviceId !== deviceId) {
      others.count += 1;
      others.totalCents += r.amountCents;
    }
  }

  const till: Totals = { count: 0, totalCents: 0 };
  const seen = new Set<string>();
  for (const d of input.tillDebits) {
    const counted = COUNTED.has(d.status);
    if (counted) {
      till.count += 1;
      till.totalCents += d.amountCents;
    }
    const inOutbox = IN_OUTBOX.has(d.status);
    const r = regionById.get(d.debitId);
    if (!r) {
      // A refusal or a void the Region never saw owes nothing to anyone.
      if (d.status === 'refused' || d.status === 'voided') continue;
      const moved = inOutbox ? undefined : input.elsewhere?.regionDebit(d.debitId);
      if (moved) {
        differences.push(monthMismatch(month, d, moved, parisMonth(Date.parse(moved.occurredAt)), contest));
        continue;
      }
      differences.push({
        debitId: d.debitId,
        month,
        till: tillSide(d),
        kind: 'MISSING_AT_REGION',
        region: null,
        inOutbox,
        explanation: inOutbox ? 'NOT_YET_SENT' : 'ACCEPTED_THEN_UNKNOWN_AT_REGION',
        action: inOutbox ? 'WAIT_FOR_SYNC' : contest,
        severity: 'action',
      });
      continue;
    }
    seen.add(r.id);
    const status = statusDifference(d.status, r.status, contest);
    const amount = r.amountCents !== d.amountCents;
    const category = r.category !== (d.category as Category);
    // The common case, both sides agreeing, allocates nothing: this loop runs 50,000 times a month.
    if (!amount && !category && !status) continue;
    const both = { debitId: d.debitId, month, till: tillSide(d), region: regionSide(r) };
    if (amount)
      differences.push({
        ...both,
        kind: 'AMOUNT_MISMATCH',
        inOutbox,
        explanation: 'AMOUNT_DIFFERS',
        action: contest,
        severity: 'action',
      });
    if (category)
      differences.push({
        ...both,
        kind: 'CATEGORY_MISMATCH',
        inOutbox,
        explanation: 'CATEGORY_DIFFERS',
        action: contest,
        severity: 'action',
      });
    if (status)
      differences.push({ ...both, kind: 'STATUS_MISMATCH', inOutbox, ...status, severity: 'action' });
  }

  for (const r of input.regionDebits) {
    if (seen.has(r.id)) continue;
    const mine = r.deviceId === deviceId;
    const ours = mine ? input.elsewhere?.tillDebit(r.id) : undefined;
    if (ours) {
      differences.push(monthMismatch(month, ours, r, parisMonth(Date.parse(ours.occurredAt)), contest));
      continue;
    }
    if (mine && input.elsewhere?.provesNeverMade(r)) {
      differences.push({
        kind: 'MISSING_ON_TILL',
        debitId: r.id,
        month,
        till: null,
        region: regionSide(r),
        inOutbox: false,
        explanation: 'NEVER_MADE_BY_THIS_TILL',
        action: contest,
        severity: 'action',
      });
      continue;
    }
    differences.push({
      kind: mine ? 'MISSING_ON_TILL' : 'OTHER_DEVICE',
      debitId: r.id,
      month,
      till: null,
      region: regionSide(r),
      inOutbox: false,
      explanation: mine ? 'JOURNAL_LOST_DEBIT' : 'DEBIT_OF_OTHER_DEVICE',
      action: mine ? 'RESTORE_JOURNAL_BACKUP' : 'RECONCILE_ON_OTHER_DEVICE',
      severity: mine ? 'action' : 'info',
    });
  }

  const expected: Totals = {
    count: till.count + others.count,
    totalCents: till.totalCents + others.totalCents,
  };
  if (statement) {
    const stated = { count: statement.debitCount, totalCents: statement.totalCents };
    const statementSide: Side = {
      status: statement.status,
      count: stated.count,
      totalCents: stated.totalCents,
      paidAt: statement.paidAt,
      contestUntil: statement.contestUntil,
    };
    const differs = (t: Totals) => t.count !== stated.count || t.totalCents !== stated.totalCents;
    // The Region's statement against its own lines first: when those disagree, the Region's record is
    // inconsistent whatever the till says.
    const against = differs(region)
      ? { totals: region, explanation: 'STATEMENT_DIFFERS_FROM_REGION_LINES' as const }
      : differs(expected)
        ? { totals: expected, explanation: 'STATEMENT_DIFFERS_FROM_TILL' as const }
        : null;
    if (against) {
      differences.push({
        kind: 'STATEMENT_TOTAL_MISMATCH',
        debitId: null,
        month,
        till: {
          count: against.totals.count,
          totalCents: against.totals.totalCents,
          basis: against.explanation === 'STATEMENT_DIFFERS_FROM_TILL' ? 'till' : 'region-lines',
        },
        region: statementSide,
        inOutbox: input.tillDebits.some((d) => IN_OUTBOX.has(d.status)),
        explanation: against.explanation,
        action: contest,
        severity: 'action',
      });
    }
  }
  return { differences, till, region, expected };
}

function monthMismatch(
  month: string,
  d: DebitState,
  r: DebitView,
  linkedMonth: string,
  contest: Action,
): Difference {
  return {
    kind: 'MONTH_MISMATCH',
    debitId: d.debitId,
    month,
    till: tillSide(d),
    region: regionSide(r),
    inOutbox: false,
    explanation: 'REGION_DATED_OTHER_MONTH',
    action: contest,
    severity: 'action',
    linkedMonth,
  };
}

function statusDifference(
  till: ProjectedDebitStatus,
  region: DebitView['status'],
  contest: Action,
): { explanation: Explanation; action: Action } | null {
  switch (till) {
    case 'accepted':
    case 'offline_accepted':
      return region === 'voided'
        ? { explanation: 'VOIDED_AT_REGION', action: 'CHECK_VOID_WITH_REGION' }
        : null;
    case 'void_pending':
      return region === 'accepted' ? { explanation: 'VOID_NOT_YET_SENT', action: 'WAIT_FOR_SYNC' } : null;
    case 'voided':
      return region === 'accepted' ? { explanation: 'VOID_UNKNOWN_AT_REGION', action: contest } : null;
    case 'requested':
    case 'pending':
      return region === 'accepted'
        ? { explanation: 'ANSWER_NOT_YET_RECORDED', action: 'WAIT_FOR_SYNC' }
        : null;
    case 'refused':
      return region === 'accepted'
        ? { explanation: 'REFUSED_ON_TILL_ACCEPTED_AT_REGION', action: contest }
        : null;
  }
}
