// Avoirs for cancelled events (§2.4). The manager picks the event's debits; the till issues one avoir
// per youth for their Atouts parts, in the partner's own money, with a printable code; the counter
// redeems it later, in whole or in part. Each fact is its own chained entry (AVOIR_ISSUED,
// AVOIR_REDEEMED); nothing here touches a debit, a wallet or an Atouts total, so closures (computed from
// the debit entries, main/journal/closure-replay.ts) can never count an avoir as Atouts money.
import { randomBytes, randomUUID } from 'node:crypto';
import { TillError } from '../../preload/contract/errors';
import type { AvoirView } from '../../preload/contract/avoir';
import { CATEGORIES, type Category } from '../../protocol/catalogue';
import type { DebitState, Journal, JournalEntry } from '../journal/journal';

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** AV-XXXX-XXXX: 40 random bits in Crockford base32. */
export function newAvoirCode(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 8; i += 1) {
    out = CODE_ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return `AV-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Debits an avoir may answer for: the Region (or the offline policy) accepted them, and they were not voided. */
const ELIGIBLE: ReadonlySet<DebitState['status']> = new Set(['accepted', 'offline_accepted']);

export interface AvoirDeskDeps {
  journal: Journal;
  cashierId(): string;
}

export class AvoirDesk {
  constructor(private readonly deps: AvoirDeskDeps) {}

  issue(debitIds: readonly string[]): AvoirView[] {
    const { journal } = this.deps;
    const covered = new Set(this.all().flatMap((a) => a.debitIds));
    const byYouth = new Map<string, DebitState[]>();
    for (const id of new Set(debitIds)) {
      const d = journal.debits.get(id);
      if (!d || !ELIGIBLE.has(d.status) || covered.has(id))
        throw new TillError('AVOIR_NOT_ELIGIBLE', id, { debitId: id });
      const key = `${d.beneficiaryId}\u0000${d.category}`;
      byYouth.set(key, [...(byYouth.get(key) ?? []), d]);
    }
    // One avoir per youth (and per kind of service, should one youth's picked debits span two).
    const entries = journal.appendAll(
      [...byYouth.values()].map((debits) => ({
        kind: 'AVOIR_ISSUED' as const,
        cashierId: this.deps.cashierId(),
        payload: {
          avoirId: randomUUID(),
          code: newAvoirCode(),
          category: debits[0]!.category,
          beneficiaryId: debits[0]!.beneficiaryId,
          debitIds: debits.map((d) => d.debitId),
          amountCents: debits.reduce((n, d) => n + d.amountCents, 0),
        },
      })),
    );
    const ids = new Set(entries.map((e) => String(e.payload['avoirId'])));
    return this.all().filter((a) => ids.has(a.avoirId));
  }

  get(code: string): AvoirView {
    const found = this.all().find((a) => a.code === code);
    if (!found) throw new TillError('AVOIR_UNKNOWN', code);
    return found;
  }

  redeem(code: string, amountCents: number): AvoirView {
    // Read and append with no await between them: the core runs one call at a time up to here, so two
    // redemptions of one avoir cannot both see the same remainder.
    const avoir = this.get(code);
    if (amountCents > avoir.remainingCents)
      throw new TillError('AVOIR_EXHAUSTED', code, { remainingCents: avoir.remainingCents });
    this.deps.journal.append({
      kind: 'AVOIR_REDEEMED',
      cashierId: this.deps.cashierId(),
      payload: {
        avoirId: avoir.avoirId,
        redemptionId: randomUUID(),
        amountCents,
        remainingCents: avoir.remainingCents - amountCents,
      },
    });
    return this.get(code);
  }

  /** Every avoir, newest first, as the chain tells it. */
  all(): AvoirView[] {
    const entries = this.deps.journal.list({ kinds: ['AVOIR_ISSUED', 'AVOIR_REDEEMED'] });
    const avoirs = new Map<string, AvoirView>();
    for (const e of entries) {
      if (e.kind === 'AVOIR_ISSUED') {
        const view = this.issuedView(e);
        avoirs.set(view.avoirId, view);
        continue;
      }
      const avoir = avoirs.get(String(e.payload['avoirId']));
      const amountCents = e.payload['amountCents'];
      if (!avoir || typeof amountCents !== 'number')
        throw new TillError('JOURNAL_BROKEN', `entry ${e.seq}: a redemption of an unknown avoir`);
      avoir.redemptions.push({ redemptionId: String(e.payload['redemptionId']), at: e.at, amountCents });
      avoir.remainingCents -= amountCents;
    }
    return [...avoirs.values()].reverse();
  }

  private issuedView(e: JournalEntry): AvoirView {
    const p = e.payload;
    const category = CATEGORIES.find((c): c is Category => c === p['category']);
    const amountCents = p['amountCents'];
    const debitIds = p['debitIds'];
    if (!category || typeof amountCents !== 'number' || !Array.isArray(debitIds))
      throw new TillError('JOURNAL_BROKEN', `entry ${e.seq}: an unreadable avoir`);
    const beneficiaryId = String(p['beneficiaryId']);
    const person = this.deps.journal.persons.get(beneficiaryId);
    return {
      avoirId: String(p['avoirId']),
      code: String(p['code']),
      category,
      amountCents,
      remainingCents: amountCents,
      issuedAt: e.at,
      debitIds: debitIds.map(String),
      beneficiaryId,
      name: person ? `${person.givenName} ${person.familyName}` : null,
      redemptions: [],
    };
  }
}
