// The receipt as ESC/POS bytes, for the network counter printers of box offices (Epson TM-T20/T88, Star in
// ESC/POS emulation): the same content as the screen's receipt (main/receipt/receipt.ts), in the printer's
// own characters. Encoded with @point-of-sale/receipt-printer-encoder (maintained, printer code-page tables
// per vendor): code page CP858 — the Latin-1 page with the euro sign (Epson's page 19) — so "é" and "€"
// print as such (and only characters that page has: no typographic dashes); 48 columns on 80 mm paper,
// 32 on 58 mm; a full cut at the end.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt } from '../../preload/contract';
import { frenchAmount } from '../export/debits-csv';

export type PaperWidth = 80 | 58;

/** Characters per line in the printer's standard font A. */
export const COLUMNS: Record<PaperWidth, number> = { 80: 48, 58: 32 };

const CATEGORY_FR: Record<Receipt['category'], string> = {
  SPECTACLE: 'Concert / Spectacle',
  CINEMA: 'Cinéma',
  SPORT: 'Pratique sportive',
  ARTISTIC: 'Pratique artistique',
  LOCAL: 'Dispositif local',
};
const ITEM_FR: Record<Receipt['item'], string> = {
  PLACE: 'Place',
  ABONNEMENT: 'Abonnement',
  SEANCE: 'Séance',
  LICENCE: 'Licence',
  ADHESION: 'Adhésion',
  CYCLE: 'Cycle',
};

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const euros = (cents: number) => `${frenchAmount(cents)} €`;

/** The receipt's lines as printed (also what a test reads back from the bytes). */
export function receiptLines(
  receipt: Receipt,
): { left: string; right?: string; strong?: boolean; center?: boolean }[] {
  const lines: { left: string; right?: string; strong?: boolean; center?: boolean }[] = [
    { left: receipt.partnerName, strong: true, center: true },
    { left: `SIRET ${receipt.partnerSiret}`, center: true },
    { left: 'Atouts Culture & Sport', center: true },
    { left: '' },
    { left: `Caisse : ${receipt.deviceName}` },
  ];
  if (receipt.cashierName) lines.push({ left: `Caisse tenue par : ${receipt.cashierName}` });
  lines.push(
    { left: `Le ${PARIS.format(new Date(receipt.occurredAt)).replace(' ', ' à ')}` },
    { left: `Paiement n° ${receipt.deviceSeq}` },
    { left: `Réf. ${receipt.debitId}` },
    {
      left: `Bénéficiaire : ${receipt.holderFirstName ? `${receipt.holderFirstName} (${receipt.holderInitials})` : receipt.holderInitials}`,
    },
    { left: '' },
    {
      left: `${CATEGORY_FR[receipt.category]} - ${ITEM_FR[receipt.item]}${receipt.discipline ? ` (${receipt.discipline})` : ''}`,
    },
    { left: 'Prix', right: euros(receipt.priceCents) },
    { left: 'Part Atouts', right: euros(receipt.amountCents), strong: true },
    { left: 'Reste à payer', right: euros(receipt.remainderCents), strong: true },
  );
  if (receipt.walletBalanceCents !== null)
    lines.push({ left: 'Nouveau solde', right: euros(receipt.walletBalanceCents) });
  if (receipt.mode === 'offline')
    lines.push(
      { left: '' },
      { left: 'HORS LIGNE', strong: true, center: true },
      { left: 'Enregistré hors ligne, transmis à la Région', center: true },
    );
  return lines;
}

export function escposReceipt(receipt: Receipt, width: PaperWidth = 80): Uint8Array {
  const columns = COLUMNS[width];
  let encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    codepageMapping: 'epson',
    newline: '\n',
    feedBeforeCut: 4,
  })
    .initialize()
    .codepage('cp858');
  for (const l of receiptLines(receipt)) {
    encoder = encoder.align(l.center ? 'center' : 'left').bold(l.strong === true);
    if (l.right === undefined) encoder = encoder.line(l.left);
    else
      encoder = encoder.table(
        [
          { width: columns - 14, marginRight: 1 },
          { width: 13, align: 'right' },
        ],
        [[l.left, l.right]],
      );
  }
  return encoder.bold(false).align('left').cut('full').encode();
}
