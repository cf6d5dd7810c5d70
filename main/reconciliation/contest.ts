// Contesting a paid month (§4.3.2): whether a letter is due, its facts drawn from a fresh reconciliation
// and the verified chain, the CONTEST_LETTER_PRODUCED entry that records it, and the reminder the
// Clôtures screen shows until the deadline passes.
//
// The deadline is the Region's `contestUntil` (paidAt + 30 days, region-api.md): the regulation counts
// from the *receipt* of the payment, which the till cannot know and which is never earlier than the
// transfer, so counting from the transfer never tells a manager they have time they do not have
// (docs/regulation-choices.md, "The contest window").
import { createHash } from 'node:crypto';
import { TillError } from '../../preload/contract/errors';
import type { ContestLetterView, ContestReminder } from '../../preload/contract/contest';
import type {
  DifferenceView,
  ReconcileExplanation,
  ReconciliationView,
} from '../../preload/contract/reconciliation';
import type { Journal, JournalEntry } from '../journal/journal';
import type { EntryKind } from '../journal/entry-kinds';
import { contestLetterPdf, type ContestLetterFacts, type ContestLine } from '../export/contest-letter';
import { contestDaysLeft } from './statements-view';

/** The letter's sentence per explanation: the letter is French whatever the UI language. */
const REASON_FR: Record<ReconcileExplanation, string> = {
  NOT_YET_SENT: 'Paiement enregistré par la caisse, en cours de transmission à la Région.',
  ACCEPTED_THEN_UNKNOWN_AT_REGION:
    'Paiement accepté par la Région (réponse enregistrée au journal) mais absent de son relevé.',
  JOURNAL_LOST_DEBIT: 'Paiement attribué à cette caisse par la Région, absent du journal.',
  DEBIT_OF_OTHER_DEVICE: "Paiement d'une autre caisse de la structure.",
  AMOUNT_DIFFERS: 'Le montant retenu par la Région diffère de celui du journal.',
  CATEGORY_DIFFERS: 'La catégorie retenue par la Région diffère de celle du journal.',
  VOIDED_AT_REGION: 'Paiement accepté au journal, compté comme annulé par la Région.',
  VOID_NOT_YET_SENT: 'Annulation enregistrée par la caisse, en cours de transmission.',
  VOID_UNKNOWN_AT_REGION: 'Paiement annulé au journal, toujours compté par la Région.',
  ANSWER_NOT_YET_RECORDED: 'Réponse de la Région en cours d’enregistrement.',
  REFUSED_ON_TILL_ACCEPTED_AT_REGION: 'Paiement refusé au journal, compté comme accepté par la Région.',
  STATEMENT_DIFFERS_FROM_REGION_LINES: 'Le total du relevé ne correspond pas aux lignes de la Région.',
  STATEMENT_DIFFERS_FROM_TILL: 'Le total du relevé ne correspond pas au journal de la caisse.',
  REGION_DATED_OTHER_MONTH: 'La Région date ce paiement dans un autre mois que le journal de la caisse.',
  NEVER_MADE_BY_THIS_TILL:
    'La Région attribue à cette caisse un paiement que son journal, vérifié intact, prouve ne jamais avoir fait.',
};

export interface LetterContext {
  journal: Journal;
  partner: { name: string; siret: string };
  deviceName: string | null;
  nowMs: number;
  cashierId: string;
}

/** How far back the reminder reads RECONCILED entries: a window lasts 30 days from a payment. */
const REMINDER_ENTRIES = 500;

/** The newest entry of `kind` for each month its payload names (within the last REMINDER_ENTRIES). */
function latestByMonth(journal: Journal, kind: EntryKind): Map<string, JournalEntry> {
  const latest = new Map<string, JournalEntry>();
  for (const e of journal.list({ kinds: [kind], order: 'desc', limit: REMINDER_ENTRIES })) {
    const month = e.payload['month'];
    if (typeof month === 'string' && !latest.has(month)) latest.set(month, e);
  }
  return latest;
}

/**
 * The manager's reminder, from the journal alone (it must speak offline too): each month whose last
 * reconciliation saw it paid with a difference open, or for which a letter was produced, until its
 * contestUntil passes.
 */
export function contestReminders(journal: Journal, nowMs: number): ContestReminder[] {
  const lastRun = latestByMonth(journal, 'RECONCILED');
  const letters = latestByMonth(journal, 'CONTEST_LETTER_PRODUCED');
  const out: ContestReminder[] = [];
  for (const month of new Set([...lastRun.keys(), ...letters.keys()])) {
    const run = lastRun.get(month)?.payload;
    const letter = letters.get(month);
    const openCount = typeof run?.['openCount'] === 'number' ? run['openCount'] : 0;
    const paid = run?.['statementStatus'] === 'paid';
    const until =
      (paid && typeof run?.['contestUntil'] === 'string' ? run['contestUntil'] : null) ??
      (typeof letter?.payload['contestUntil'] === 'string' ? letter.payload['contestUntil'] : null);
    const daysLeft = contestDaysLeft(until, nowMs);
    if (!until || !daysLeft) continue;
    if (!(paid && openCount > 0) && !letter) continue;
    out.push({ month, contestUntil: until, daysLeft, openCount, letterAt: letter?.at ?? null });
  }
  return out.sort((a, b) => a.contestUntil.localeCompare(b.contestUntil));
}

/** Lines worth a letter: the differences that call for action, but the statement's own total (the amounts say it). */
function contestedLines(view: ReconciliationView): DifferenceView[] {
  return view.differences.filter(
    (d) => d.severity === 'action' && d.kind !== 'STATEMENT_TOTAL_MISMATCH' && d.action !== 'WAIT_FOR_SYNC',
  );
}

const num = (v: string | number | null | undefined): number | null => (typeof v === 'number' ? v : null);
const str = (v: string | number | null | undefined): string | null => (typeof v === 'string' ? v : null);

/** The journal entry that proves the till's side of a line: the debit's request, or the fact at the Region's deviceSeq. */
function proofOf(journal: Journal, d: DifferenceView): { entry: JournalEntry; note: string | null } | null {
  if (d.debitId) {
    const state = journal.debits.get(d.debitId);
    const entry = state && journal.get(state.requestSeq);
    if (entry && entry.payload['debitId'] === d.debitId) return { entry, note: null };
  }
  const seq = num(d.region?.['deviceSeq']);
  if (d.explanation === 'NEVER_MADE_BY_THIS_TILL' && seq !== null) {
    const entry = journal.get(seq);
    if (entry) return { entry, note: `à ce numéro, le journal porte ${entry.kind}, pas ce paiement` };
  }
  return null;
}

function lineOf(journal: Journal, d: DifferenceView): ContestLine {
  const proof = proofOf(journal, d);
  return {
    debitId: d.debitId,
    reason: REASON_FR[d.explanation],
    tillAmountCents: num(d.till?.['amountCents']),
    regionAmountCents: num(d.region?.['amountCents']),
    tillOccurredAt: str(d.till?.['occurredAt']),
    regionOccurredAt: str(d.region?.['occurredAt']),
    linkedMonth: d.linkedMonth ?? null,
    journalSeq: proof?.entry.seq ?? null,
    chainHash: proof?.entry.hash ?? null,
    journalNote: proof?.note ?? null,
  };
}

/**
 * Drafts the letter for a month just reconciled (`view`) and records it in the chain. CONTEST_NOT_DUE
 * when the month is not paid or nothing differs; CONTEST_DEADLINE_PASSED once the window is over.
 */
export async function produceContestLetter(
  ctx: LetterContext,
  view: ReconciliationView,
): Promise<ContestLetterView> {
  const s = view.statement;
  if (!s || s.status !== 'paid' || !s.paidAt || !s.contestUntil)
    throw new TillError('CONTEST_NOT_DUE', `${view.month} is not paid`, {
      month: view.month,
      reason: 'not_paid',
    });
  const lines = contestedLines(view);
  const differs = lines.length > 0 || s.totalCents !== view.expectedTotalCents;
  if (!differs)
    throw new TillError('CONTEST_NOT_DUE', `${view.month}: nothing differs`, {
      month: view.month,
      reason: 'no_difference',
    });
  if (Date.parse(s.contestUntil) <= ctx.nowMs)
    throw new TillError('CONTEST_DEADLINE_PASSED', `the window closed on ${s.contestUntil}`, {
      month: view.month,
      contestUntil: s.contestUntil,
    });
  const chain = ctx.journal.verify();
  if (!chain.ok)
    throw new TillError('JOURNAL_BROKEN', 'the journal does not verify: a letter cannot rest on it');
  const deviceId = ctx.journal.deviceId();
  if (!deviceId) throw new TillError('NOT_ENROLLED');
  const at = new Date(ctx.nowMs).toISOString();
  const facts: ContestLetterFacts = {
    partnerName: ctx.partner.name,
    siret: ctx.partner.siret,
    deviceName: ctx.deviceName,
    deviceId,
    month: view.month,
    paidAt: s.paidAt,
    contestUntil: s.contestUntil,
    receivedCents: s.totalCents,
    recordedCents: view.expectedTotalCents,
    lines: lines.map((d) => lineOf(ctx.journal, d)),
    head: ctx.journal.head(),
    reconciledSeq: view.entrySeq,
    at,
  };
  const pdf = await contestLetterPdf(facts);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const entry = ctx.journal.append({
    kind: 'CONTEST_LETTER_PRODUCED',
    cashierId: ctx.cashierId,
    payload: {
      month: view.month,
      reconciledSeq: view.entrySeq,
      receivedCents: facts.receivedCents,
      recordedCents: facts.recordedCents,
      lineCount: facts.lines.length,
      contestUntil: s.contestUntil,
      sha256,
    },
  });
  return {
    month: view.month,
    fileName: `contestation-atouts-${view.month}.pdf`,
    pdfBase64: pdf.toString('base64'),
    entrySeq: entry.seq,
    producedAt: entry.at,
    receivedCents: facts.receivedCents,
    recordedCents: facts.recordedCents,
    lineCount: facts.lines.length,
    contestUntil: s.contestUntil,
    daysLeft: contestDaysLeft(s.contestUntil, ctx.nowMs) ?? 0,
  };
}
