// Sorties collectives (§2.3 of the regulation): one outing, many passes in a row. Each pass is an
// ordinary debit through the debit engine (same rules, same journal entries, same outbox, offline within
// the policy); the outing only links them: OUTING_OPENED, one OUTING_PASS per pass (a debit's id, or the
// code that sent the pass to the "à régler autrement" list), OUTING_CLOSED with the summary. The state is
// read back from the chain, so an outing survives a restart of the till mid-run.
import { randomUUID } from 'node:crypto';
import { TillError, type DebitOutcome, type DebitRequest, type ErrorCode } from '../../preload/contract';
import type {
  OtherwiseCode,
  OutingPassResult,
  OutingPassView,
  OutingView,
} from '../../preload/contract/outing';
import {
  ART_DISCIPLINES,
  CATEGORIES,
  ITEMS,
  type ArtDiscipline,
  type Category,
  type Item,
} from '../../protocol/catalogue';
import type { Journal, JournalEntry } from '../journal/journal';
import { recordedDiscipline } from '../debit/discipline';

export interface OutingDeskDeps {
  journal: Journal;
  /** The counter's own debit call (the one engine of the till). */
  submit(request: DebitRequest): Promise<DebitOutcome>;
  /** The beneficiary a scan belongs to, while the scan is open. */
  beneficiaryOf(scanId: string): string | undefined;
  cashierId(): string;
}

export interface OpenOuting {
  title: string;
  category: Category;
  item: Item;
  sessions?: number | undefined;
  discipline?: ArtDiscipline | undefined;
  priceCents: number;
}

/** Statuses whose Atouts part the group leader does not pay. */
const PAID_BY_ATOUTS: ReadonlySet<string> = new Set(['accepted', 'offline_accepted', 'pending']);
const OUTING_KINDS = ['OUTING_OPENED', 'OUTING_PASS', 'OUTING_CLOSED'] as const;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export class OutingDesk {
  /** Names of passes settled otherwise, for the screen only: a name never enters the chain. */
  private readonly otherwiseNames = new Map<number, string>();

  constructor(private readonly deps: OutingDeskDeps) {}

  open(input: OpenOuting): OutingView {
    const current = this.currentEntry();
    if (current)
      throw new TillError(
        'INPUT_INVALID',
        `outing ${String(current.payload['outingId'])} is still open: close it first`,
      );
    // A cycle outing names its discipline once, before the first pass rather than at each one.
    recordedDiscipline(input.item, input.discipline);
    const outingId = randomUUID();
    // The last outing's names are kept for its summary only until the next one opens.
    this.otherwiseNames.clear();
    this.deps.journal.append({
      kind: 'OUTING_OPENED',
      cashierId: this.deps.cashierId(),
      payload: {
        outingId,
        title: input.title,
        category: input.category,
        item: input.item,
        sessions: input.sessions,
        discipline: input.discipline,
        priceCents: input.priceCents,
      },
    });
    return this.view(outingId);
  }

  current(): OutingView | null {
    const entry = this.currentEntry();
    return entry ? this.view(String(entry.payload['outingId'])) : null;
  }

  async pass(outingId: string, scanId: string, amountCents: number): Promise<OutingPassResult> {
    const outing = this.view(outingId);
    if (outing.closedAt) throw new TillError('OUTING_UNKNOWN', `outing ${outingId} is closed`);
    if (amountCents === 0) {
      // The youth chose not to use their Atouts: the regulation forbids requiring it.
      const beneficiaryId = this.deps.beneficiaryOf(scanId);
      return {
        outing: this.otherwise(outingId, 'NOT_USED', beneficiaryId && this.personName(beneficiaryId)),
        outcome: null,
        otherwise: 'NOT_USED',
      };
    }
    const request: DebitRequest = {
      scanId,
      category: outing.category,
      item: outing.item,
      priceCents: outing.priceCents,
      amountCents,
      ...(outing.sessions !== null ? { sessions: outing.sessions } : {}),
      ...(outing.discipline !== null ? { discipline: outing.discipline } : {}),
    };
    let outcome: DebitOutcome;
    try {
      outcome = await this.deps.submit(request);
    } catch (error) {
      // A local rule's refusal (or a stale scan): the pass goes to the list and the run goes on. Storage
      // failures are not refusals: they stop the run, as at the counter.
      if (!(error instanceof TillError) || STORAGE_CODES.has(error.code)) throw error;
      const beneficiaryId = this.deps.beneficiaryOf(scanId);
      return {
        outing: this.otherwise(outingId, error.code, beneficiaryId && this.personName(beneficiaryId)),
        outcome: null,
        otherwise: error.code,
      };
    }
    if (outcome.status === 'refused') {
      const code: OtherwiseCode = outcome.code ?? 'INTERNAL';
      this.append('OUTING_PASS', { outingId, debitId: outcome.debitId, code });
      return { outing: this.view(outingId), outcome, otherwise: code };
    }
    this.append('OUTING_PASS', { outingId, debitId: outcome.debitId });
    return { outing: this.view(outingId), outcome, otherwise: null };
  }

  otherwise(outingId: string, code: OtherwiseCode, name?: string | null): OutingView {
    const outing = this.view(outingId);
    if (outing.closedAt) throw new TillError('OUTING_UNKNOWN', `outing ${outingId} is closed`);
    const entry = this.append('OUTING_PASS', { outingId, code });
    if (name) this.otherwiseNames.set(entry.seq, name);
    return this.view(outingId);
  }

  close(outingId: string): OutingView {
    const outing = this.view(outingId);
    if (outing.closedAt) return outing;
    this.append('OUTING_CLOSED', {
      outingId,
      debitCount: outing.debitCount,
      atoutsCents: outing.atoutsCents,
      otherwiseCount: outing.otherwiseCount,
      leaderPaysCents: outing.leaderPaysCents,
    });
    return this.view(outingId);
  }

  /** The outing as the chain tells it: its opening, its passes (with their debits' current states), its closing. */
  view(outingId: string): OutingView {
    const entries = this.entriesOf(outingId);
    const opened = entries.find((e) => e.kind === 'OUTING_OPENED');
    if (!opened) throw new TillError('OUTING_UNKNOWN', outingId);
    const p = opened.payload;
    const category = CATEGORIES.find((c) => c === p['category']);
    const item = ITEMS.find((i) => i === p['item']);
    const priceCents = typeof p['priceCents'] === 'number' ? p['priceCents'] : 0;
    if (!category || !item)
      throw new TillError('JOURNAL_BROKEN', `outing ${outingId}: unreadable opening entry ${opened.seq}`);
    const passes = entries.filter((e) => e.kind === 'OUTING_PASS').map((e) => this.passView(e));
    const atoutsCents = passes.reduce(
      (n, x) => n + (x.status !== 'otherwise' && PAID_BY_ATOUTS.has(x.status) ? x.amountCents : 0),
      0,
    );
    const debitCount = passes.filter((x) => x.status !== 'otherwise' && PAID_BY_ATOUTS.has(x.status)).length;
    return {
      outingId,
      title: str(p['title']) ?? '',
      category,
      item,
      sessions: typeof p['sessions'] === 'number' ? p['sessions'] : null,
      discipline: ART_DISCIPLINES.find((d) => d === p['discipline']) ?? null,
      priceCents,
      openedAt: opened.at,
      closedAt: entries.find((e) => e.kind === 'OUTING_CLOSED')?.at ?? null,
      passes,
      atoutsCents,
      debitCount,
      otherwiseCount: passes.length - debitCount,
      leaderPaysCents: priceCents * passes.length - atoutsCents,
    };
  }

  private passView(e: JournalEntry): OutingPassView {
    const debitId = str(e.payload['debitId']);
    const code = str(e.payload['code']) as OtherwiseCode | null;
    const state = debitId ? this.deps.journal.debits.get(debitId) : undefined;
    if (!state || code) {
      return {
        debitId,
        status: 'otherwise',
        amountCents: 0,
        code: code ?? 'INTERNAL',
        name: (state && this.personName(state.beneficiaryId)) ?? this.otherwiseNames.get(e.seq) ?? null,
      };
    }
    // A debit whose void is under way no longer pays the youth's share: the leader does.
    const status =
      state.status === 'requested' ? 'pending' : state.status === 'void_pending' ? 'voided' : state.status;
    return {
      debitId,
      status,
      amountCents: state.amountCents,
      code: null,
      name: this.personName(state.beneficiaryId),
    };
  }

  private personName(beneficiaryId: string): string | null {
    const person = this.deps.journal.persons.get(beneficiaryId);
    return person ? `${person.givenName} ${person.familyName}` : null;
  }

  private append(
    kind: 'OUTING_PASS' | 'OUTING_CLOSED',
    payload: Record<string, string | number>,
  ): JournalEntry {
    return this.deps.journal.append({ kind, cashierId: this.deps.cashierId(), payload });
  }

  /** The open outing's opening entry: the last OUTING_OPENED with no OUTING_CLOSED after it. */
  private currentEntry(): JournalEntry | undefined {
    const [last] = this.deps.journal.list({
      kinds: ['OUTING_OPENED', 'OUTING_CLOSED'],
      order: 'desc',
      limit: 1,
    });
    return last?.kind === 'OUTING_OPENED' ? last : undefined;
  }

  /** Every entry of one outing, from its opening on (outings are few and short: a bounded read). */
  private entriesOf(outingId: string): JournalEntry[] {
    const openings = this.deps.journal.list({ kinds: ['OUTING_OPENED'], order: 'desc', limit: 500 });
    const opened = openings.find((e) => e.payload['outingId'] === outingId);
    if (!opened) return [];
    return this.deps.journal
      .list({ kinds: [...OUTING_KINDS], fromSeq: opened.seq })
      .filter((e) => e.payload['outingId'] === outingId);
  }
}

const STORAGE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'DISK_FULL',
  'STORAGE_READ_ONLY',
  'JOURNAL_BROKEN',
  'JOURNAL_HEAD_MISSING',
]);
