// The contest letter of §4.3.2 ("toute contestation quant au montant des remboursements devra être formulée
// par lettre recommandée avec accusé de réception, au plus tard 30 jours après réception du remboursement"),
// drafted in French for the manager to sign and send: the partner, its SIRET, the month, what the Region
// paid and what the journal records, each differing line with the journal entry and chain hash that prove
// the till's side, the date, and a place to sign. The letter is evidence, so it is built only from the
// reconciliation's facts; the same facts and date give the same bytes.
import { a4Document } from './pdf-document';
import { frenchAmount, parisDateTime } from './debits-csv';

export interface ContestLine {
  debitId: string | null;
  /** The reason in one French sentence (the letter is always French, whatever the UI language). */
  reason: string;
  tillAmountCents: number | null;
  regionAmountCents: number | null;
  tillOccurredAt: string | null;
  regionOccurredAt: string | null;
  /** The other month a moved debit is dated in, by the side that is not this month's. */
  linkedMonth: string | null;
  /** The journal entry that proves the till's side (the request, or the fact at the Region's deviceSeq). */
  journalSeq: number | null;
  chainHash: string | null;
  /** What that entry is, when it is not the debit itself (a proof of absence). */
  journalNote: string | null;
}

export interface ContestLetterFacts {
  partnerName: string;
  siret: string;
  deviceName: string | null;
  deviceId: string;
  month: string;
  paidAt: string;
  contestUntil: string;
  receivedCents: number;
  recordedCents: number;
  lines: readonly ContestLine[];
  /** The chain head when the letter was drafted, verified intact. */
  head: { seq: number; hash: string };
  /** The RECONCILED entry the letter is drawn from. */
  reconciledSeq: number;
  /** The letter's date (ISO). */
  at: string;
}

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "2026-10" → "octobre 2026". */
export function frenchMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS_FR[Number(m) - 1] ?? m} ${y}`;
}

/** "du mois d'octobre 2026", "du mois de mars 2026". */
function ofMonth(month: string): string {
  const name = frenchMonth(month);
  return /^[aeiouyéèh]/i.test(name) ? `d'${name}` : `de ${name}`;
}

const euros = (cents: number | null) => (cents === null ? '—' : `${frenchAmount(cents)} €`);
const parisDate = (iso: string) => parisDateTime(iso).slice(0, 10);

export async function contestLetterPdf(
  f: ContestLetterFacts,
  opts: { compress?: boolean } = {},
): Promise<Buffer> {
  const title = `Contestation du remboursement Atouts Culture & Sport — ${frenchMonth(f.month)}`;
  const { doc, done } = a4Document({
    title,
    at: f.at,
    margin: 56,
    ...(opts.compress !== undefined ? { compress: opts.compress } : {}),
  });

  doc.font('Helvetica-Bold').fontSize(11).text(f.partnerName);
  doc.font('Helvetica').fontSize(10).text(`SIRET : ${f.siret}`);
  doc.text(`Caisse : ${f.deviceName ?? ''} (${f.deviceId})`);
  doc.moveDown();
  doc.text('Région Normandie', { align: 'right' });
  doc.text('Dispositif Atouts Culture & Sport', { align: 'right' });
  doc.moveDown();
  doc.text('Lettre recommandée avec accusé de réception');
  doc.text(`Le ${parisDate(f.at)}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text(`Objet : ${title}`);
  doc.font('Helvetica').moveDown();
  doc.text('Madame, Monsieur,');
  doc.moveDown(0.5);
  doc.text(
    `Conformément à l'article 4.3.2 du règlement du dispositif, nous contestons le montant du remboursement du mois ${ofMonth(f.month)}, ` +
      `versé le ${parisDate(f.paidAt)}, dans le délai de 30 jours qui court jusqu'au ${parisDate(f.contestUntil)}.`,
  );
  doc.moveDown(0.5);
  doc.text(`Montant reçu : ${euros(f.receivedCents)}`);
  doc.text(`Montant enregistré par notre caisse : ${euros(f.recordedCents)}`);
  doc.text(`Écart : ${euros(f.recordedCents - f.receivedCents)}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text(`Lignes en écart (${f.lines.length})`);
  doc.font('Helvetica').fontSize(9);
  f.lines.forEach((l, i) => {
    doc.moveDown(0.4);
    doc.font('Helvetica-Bold').text(`${i + 1}. Paiement ${l.debitId ?? '—'}`);
    doc.font('Helvetica').text(l.reason);
    const till = l.tillOccurredAt
      ? `${parisDateTime(l.tillOccurredAt)}, ${euros(l.tillAmountCents)}`
      : 'aucun paiement';
    const region = l.regionOccurredAt
      ? `${parisDateTime(l.regionOccurredAt)}, ${euros(l.regionAmountCents)}`
      : 'aucun paiement';
    doc.text(
      `Caisse : ${till} — Région : ${region}${l.linkedMonth ? ` — autre mois : ${frenchMonth(l.linkedMonth)}` : ''}`,
    );
    if (l.journalSeq !== null)
      doc.text(
        `Écriture n° ${l.journalSeq}${l.journalNote ? ` (${l.journalNote})` : ''} — empreinte SHA-256 : ${l.chainHash ?? ''}`,
      );
  });
  doc.fontSize(10).moveDown();
  doc.text(
    `Notre journal de caisse est chaîné (SHA-256) et a été vérifié intact à la rédaction de cette lettre : écriture n° ${f.head.seq}, ` +
      `empreinte ${f.head.hash}. Le rapprochement dont elle est tirée est l'écriture n° ${f.reconciledSeq}. Nous tenons l'export du journal à votre disposition.`,
  );
  doc.moveDown(0.5);
  doc.text('Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.');
  doc.moveDown(1.5);
  doc.text(`Fait à ____________________, le ${parisDate(f.at)}`);
  doc.moveDown();
  doc.text('Nom, qualité, signature et cachet :');
  doc.moveDown(3);
  doc.text('______________________________');
  doc.end();
  return done;
}
