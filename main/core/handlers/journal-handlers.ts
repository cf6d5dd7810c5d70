// journal.* and closure.*: the journal as the partner sees it (debits with filters and totals, any
// entry with its place in the chain, verification) and the daily and monthly closures.
import { CATEGORIES, type Category } from '../../../protocol/catalogue';
import { parisDayBounds } from '../../../protocol/paris-time';
import { lastEndedDay } from '../../journal/closures';
import {
  TillError,
  type ClosureView,
  type EntryView,
  type JournalDebitRow,
  type VerifyView,
} from '../../../preload/contract';
import type { CategoryTotals, Journal, JournalEntry } from '../../journal/journal';
import { closureSchema } from '../../journal/debit-payloads';
import { debitOutcome, projectionStatuses } from '../../debit/outcome-view';
import type { Handlers } from '../../transport/dispatch';
import type { AnchorService } from '../../anchors/anchor-service';
import type { RegionLink } from '../../region/region-link';
import type { TillContext } from '../context';
import { avoirTotalsOfPeriod } from '../../export/avoir-ledger';
import { checkAgainstAnchors, fetchAnchors } from '../../anchors/verify-against-region';

type JournalCalls =
  | 'journal.list'
  | 'journal.entry'
  | 'journal.verify'
  | 'closure.closeDay'
  | 'closure.closeMonth'
  | 'closure.list';

/** The journal, and the Region's anchors each closure is sent to and a verification compares with. */
export type JournalHandlerDeps = Pick<
  TillContext,
  'journal' | 'now' | 'cashierId' | 'status' | 'log' | 'region' | 'observe'
> & {
  readonly link: Pick<RegionLink, 'config' | 'secretState'>;
  readonly anchors: Pick<AnchorService, 'flush'>;
};

const totalsRows = (t: CategoryTotals | Record<string, { count: number; amountCents: number }>) =>
  CATEGORIES.map((category: Category) => ({
    category,
    count: t[category]?.count ?? 0,
    amountCents: t[category]?.amountCents ?? 0,
  }));

function closureView(entry: JournalEntry, journal?: Journal): ClosureView {
  const parsed = closureSchema.safeParse(entry.payload);
  if (!parsed.success || (entry.kind !== 'DAY_CLOSED' && entry.kind !== 'MONTH_CLOSED'))
    throw new TillError('JOURNAL_BROKEN', `entry ${entry.seq} is not a closure`);
  const p = parsed.data;
  return {
    seq: entry.seq,
    kind: entry.kind,
    period: p.period,
    count: p.count,
    periodTotalCents: p.periodTotalCents,
    grandTotalCents: p.grandTotalCents,
    totals: totalsRows(p.totals),
    lastSeq: p.lastSeq,
    lastHash: p.lastHash,
    at: entry.at,
    ...(journal ? { avoirs: avoirTotalsOfPeriod(journal, p.period) } : {}),
    corrections: (p.corrections ?? []).map(({ seq, period, category, count, amountCents }) => ({
      seq,
      period,
      category,
      count,
      amountCents,
    })),
  };
}

/**
 * The VOID_REQUESTED entry of a void: who asked, who authorised, why. Voids are rare and the entries are
 * indexed by (kind, seq), so this reads only the voids made since the debit.
 */
function voidRequestOf(
  journal: Journal,
  fromSeq: number,
  voidId: string,
): NonNullable<JournalDebitRow['voidRequest']> | null {
  const entry = journal.list({ kinds: ['VOID_REQUESTED'], fromSeq }).find((e) => e.payload.voidId === voidId);
  if (!entry) return null;
  const { authorisedBy, reason } = entry.payload;
  return {
    cashierId: entry.cashierId,
    authorisedBy: typeof authorisedBy === 'string' ? authorisedBy : null,
    reason: typeof reason === 'string' ? reason : '',
    at: entry.at,
  };
}

function anchored<T>(ctx: Pick<JournalHandlerDeps, 'anchors' | 'log'>, value: T): T {
  void ctx.anchors
    .flush()
    .catch((error: unknown) => ctx.log('closure anchor not sent', { error: String(error) }));
  return value;
}

/** The local chain against the Region's anchors; null when not enrolled or the Region did not answer. */
async function againstRegion(ctx: JournalHandlerDeps): Promise<VerifyView['region']> {
  if (!ctx.link.config() || ctx.link.secretState() === 'unreadable') return null;
  await ctx.anchors.flush().catch(() => undefined);
  const anchors = ctx.observe(await fetchAnchors(ctx.region()));
  if (anchors.kind !== 'ok') return null;
  const check = checkAgainstAnchors(ctx.journal, anchors.value);
  return {
    ok: check.ok,
    confirmedUpTo: check.confirmedUpTo,
    anchors: check.anchors,
    findings: check.findings.map(({ problem, seq }) => ({ problem, seq })),
  };
}

export function journalHandlers(ctx: JournalHandlerDeps): Pick<Handlers, JournalCalls> {
  const { journal } = ctx;
  return {
    'journal.list': (input) => {
      const fromAt = input.fromDay ? new Date(parisDayBounds(input.fromDay).start).toISOString() : undefined;
      const toAt = input.toDay ? new Date(parisDayBounds(input.toDay).end).toISOString() : undefined;
      const period = { ...(fromAt ? { fromAt } : {}), ...(toAt ? { toAt } : {}) };
      const states = journal.debits.list({
        ...period,
        ...(input.category ? { category: input.category } : {}),
        ...(input.cashierId ? { cashierId: input.cashierId } : {}),
        ...(input.status ? { status: projectionStatuses(input.status) } : {}),
        limit: input.limit ?? 500,
      });
      const names = new Map<string, string | null>();
      const holderName = (id: string) => {
        if (!names.has(id)) {
          const p = journal.persons.get(id);
          names.set(id, p ? `${p.givenName} ${p.familyName}` : null);
        }
        return names.get(id) ?? null;
      };
      const rows: JournalDebitRow[] = states.map((s) => {
        const voidRequest = s.voidId ? voidRequestOf(journal, s.requestSeq, s.voidId) : null;
        return {
          ...debitOutcome(s),
          kind: s.kind,
          cashierId: s.cashierId,
          mode: s.mode,
          regionConfirmed: s.regionConfirmed,
          holderName: holderName(s.beneficiaryId),
          ...(voidRequest ? { voidRequest } : {}),
        };
      });
      return {
        rows,
        totals: totalsRows(journal.debits.totals(period)),
        pendingCount: ctx.status().pendingCount,
      };
    },
    'journal.entry': (input) => {
      const entry = journal.get(input.seq);
      if (!entry) throw new TillError('NOT_FOUND', `no entry ${input.seq}`);
      const view: EntryView = {
        seq: entry.seq,
        kind: entry.kind,
        at: entry.at,
        cashierId: entry.cashierId,
        payload: entry.payload,
        prevHash: entry.prevHash,
        hash: entry.hash,
      };
      return view;
    },
    'journal.verify': async () => {
      const result = journal.verify();
      if (result.ok) return { ok: true, count: result.count, region: await againstRegion(ctx) };
      try {
        journal.append({
          kind: 'CHAIN_BROKEN',
          cashierId: ctx.cashierId(),
          payload: { seq: result.seq, problem: result.problem, detail: result.detail.slice(0, 500) },
        });
      } catch (error) {
        // A journal broken at opening refuses appends: the verdict still reaches the manager.
        ctx.log('could not record CHAIN_BROKEN', { error: String(error) });
      }
      return {
        ok: false,
        count: Math.max(0, result.seq - 1),
        brokenSeq: result.seq,
        problem: result.problem,
      };
    },
    // Every closure is anchored at the Region with its totals: a sealed period the Region holds cannot change.
    'closure.closeDay': (input) =>
      anchored(
        ctx,
        closureView(journal.closeDay(input.day ?? lastEndedDay(ctx.now()), ctx.cashierId()), journal),
      ),
    'closure.closeMonth': (input) =>
      anchored(ctx, closureView(journal.closeMonth(input.month, ctx.cashierId()), journal)),
    'closure.list': () =>
      journal
        .list({ kinds: ['DAY_CLOSED', 'MONTH_CLOSED'], order: 'desc' })
        .map((e) => closureView(e, journal)),
  };
}
