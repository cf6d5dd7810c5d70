// Avoirs as the partner's books see them: per period, what was issued and what was redeemed, always
// apart from the Atouts totals (an avoir is the partner's own credit, §2.4); and the CSV of those facts.
import type { AvoirTotals } from '../../preload/contract/avoir';
import { parisDayBounds, parisMonthBounds } from '../../protocol/paris-time';
import type { Journal, JournalEntry } from '../journal/journal';
import { csvRow, frenchAmount, parisDateTime } from './debits-csv';

const BOM = '\uFEFF';
const HEADER = [
  'Date',
  'Écriture',
  'Opération',
  'Avoir',
  'Code',
  'Catégorie',
  'Montant (€)',
  'Reste (€)',
  'Caissier',
];

/** The avoir entries whose time falls in [fromAt, toAt). */
export function avoirEntries(journal: Journal, range: { fromAt: string; toAt: string }): JournalEntry[] {
  return journal.list({ kinds: ['AVOIR_ISSUED', 'AVOIR_REDEEMED'], fromAt: range.fromAt, toAt: range.toAt });
}

export function avoirTotals(journal: Journal, range: { fromAt: string; toAt: string }): AvoirTotals {
  const totals: AvoirTotals = { issuedCount: 0, issuedCents: 0, redeemedCount: 0, redeemedCents: 0 };
  for (const e of avoirEntries(journal, range)) {
    const cents = typeof e.payload['amountCents'] === 'number' ? e.payload['amountCents'] : 0;
    if (e.kind === 'AVOIR_ISSUED') {
      totals.issuedCount += 1;
      totals.issuedCents += cents;
    } else {
      totals.redeemedCount += 1;
      totals.redeemedCents += cents;
    }
  }
  return totals;
}

/** A closure's period (a Paris day, or a month) as the avoirs see it. */
export function avoirTotalsOfPeriod(journal: Journal, period: string): AvoirTotals {
  const { start, end } = period.length === 7 ? parisMonthBounds(period) : parisDayBounds(period);
  return avoirTotals(journal, { fromAt: new Date(start).toISOString(), toAt: new Date(end).toISOString() });
}

/** One line per issue and per redemption, in chain order; the code and category come from the issue. */
export function avoirsCsv(journal: Journal, range: { fromAt: string; toAt: string }): string {
  const issued = new Map<string, JournalEntry>();
  for (const e of journal.list({ kinds: ['AVOIR_ISSUED'], toAt: range.toAt }))
    issued.set(String(e.payload['avoirId']), e);
  let out = BOM + csvRow(HEADER);
  for (const e of avoirEntries(journal, range)) {
    const avoirId = String(e.payload['avoirId']);
    const issue = issued.get(avoirId);
    const amount = typeof e.payload['amountCents'] === 'number' ? e.payload['amountCents'] : 0;
    const remaining =
      e.kind === 'AVOIR_ISSUED'
        ? amount
        : typeof e.payload['remainingCents'] === 'number'
          ? e.payload['remainingCents']
          : 0;
    out += csvRow([
      parisDateTime(e.at),
      String(e.seq),
      e.kind === 'AVOIR_ISSUED' ? 'émission' : 'utilisation',
      avoirId,
      String(issue?.payload['code'] ?? ''),
      String(issue?.payload['category'] ?? ''),
      frenchAmount(amount),
      frenchAmount(remaining),
      e.cashierId ?? '',
    ]);
  }
  return out;
}
