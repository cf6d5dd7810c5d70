// Debits of a period as CSV for accountants: what French spreadsheet users open with a double click,
// without an import wizard — UTF-8 with a BOM (so accents survive), `;` between fields (the comma is
// the French decimal mark), amounts as `7,00`, CRLF line ends. Times are Paris wall-clock times.
import type { ArtDiscipline } from '../../protocol/catalogue';
import type { DebitState } from '../journal/journal';

const BOM = '\uFEFF';
const CRLF = '\r\n';

const HEADER = [
  'Date',
  'Heure',
  'Débit',
  'Catégorie',
  'Article',
  'Séances',
  'Discipline',
  'Prix (€)',
  'Montant débité (€)',
  'Reste payé (€)',
  'Statut',
  'Mode',
  'Caissier',
  'Accepté le',
];

const STATUS_FR: Record<DebitState['status'], string> = {
  requested: 'demandé',
  pending: 'en attente',
  accepted: 'accepté',
  offline_accepted: 'accepté hors ligne',
  refused: 'refusé',
  voided: 'annulé',
  void_pending: 'annulation en attente',
};

/** The regulation's own words for a cycle's discipline (3.2.1). */
export const DISCIPLINE_FR: Readonly<Record<ArtDiscipline, string>> = {
  MUSIQUE_CHORALE: 'musique/chorale',
  DANSE: 'danse',
  CIRQUE: 'cirque',
  THEATRE: 'théâtre',
  ARTS_MARIONNETTIQUES: 'arts marionnettiques',
  ARTS_VISUELS: 'arts visuels',
};

const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a Paris wall-clock date and time: "10/03/2026 00:30:01". */
export function parisDateTime(iso: string): string {
  const at = new Date(iso);
  return `${PARIS_DATE.format(at)} ${PARIS_TIME.format(at)}`;
}

/** Cents as French decimals: 700 → "7,00", -5 → "-0,05". */
export function frenchAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/**
 * One field: quoted when it holds the separator, a quote or a line break (quotes doubled, RFC 4180);
 * a text starting with = + - @ or a tab is prefixed with an apostrophe so a spreadsheet never runs it
 * as a formula (the cashier id and the like are free text).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line: fields made safe and joined, CRLF-ended. */
export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(';') + CRLF;
}

/** The CSV text; `header: false` gives the rows alone (a later part of a file made in steps). */
export function debitsCsv(debits: Iterable<DebitState>, opts: { header?: boolean } = {}): string {
  let out = opts.header === false ? '' : BOM + csvRow(HEADER);
  for (const d of debits) {
    const at = new Date(d.occurredAt);
    out += csvRow([
      PARIS_DATE.format(at),
      PARIS_TIME.format(at),
      d.debitId,
      d.category,
      d.item,
      d.sessions === null ? '' : String(d.sessions),
      d.discipline ? DISCIPLINE_FR[d.discipline] : '',
      frenchAmount(d.priceCents),
      frenchAmount(d.amountCents),
      frenchAmount(d.priceCents - d.amountCents),
      STATUS_FR[d.status],
      d.mode === 'offline' ? 'hors ligne' : 'en ligne',
      d.cashierId ?? '',
      d.acceptedAt ? parisDateTime(d.acceptedAt) : '',
    ]);
  }
  return out;
}
