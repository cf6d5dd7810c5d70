// A Z (daily) or monthly closure as a PDF for the partner's files and the Region's audits: the period,
// totals per category, the corrections carried from sealed periods, the perpetual grand total (amounts as
// `1 234,56 €`, times in Paris), and the chain anchor (entries covered and the hash
// of the last one) that ties the paper to the journal.
import { a4Document } from './pdf-document';
import { CATEGORIES } from '../../protocol/catalogue';
import { TillError } from '../../preload/contract/errors';
import { closureSchema } from '../journal/debit-payloads';
import type { JournalEntry } from '../journal/journal';
import { frenchAmount, parisDateTime } from './debits-csv';
import type { AvoirTotals } from '../../preload/contract/avoir';

export interface ClosurePdfMeta {
  partnerName: string | null;
  deviceName: string | null;
  /** The period's avoirs (§2.4): printed in a section of their own, never in the Atouts totals. */
  avoirs?: AvoirTotals;
}

const CATEGORY_FR: Record<string, string> = {
  SPECTACLE: 'Spectacle',
  CINEMA: 'Cinéma',
  SPORT: 'Pratique sportive',
  ARTISTIC: 'Pratique artistique',
  LOCAL: 'Dispositif local',
};

/** 123456 → "1 234,56 €": thousands grouped by a no-break space (WinAnsi has U+00A0, not U+202F), so a figure never wraps. */
export function frenchEuros(cents: number): string {
  const [units, decimals] = frenchAmount(cents).split(',') as [string, string];
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${decimals} €`;
}
const euros = frenchEuros;

/** The PDF bytes of a DAY_CLOSED or MONTH_CLOSED entry. */
export async function closurePdf(
  entry: JournalEntry,
  meta: ClosurePdfMeta,
  opts: { compress?: boolean } = {},
): Promise<Buffer> {
  if (entry.kind !== 'DAY_CLOSED' && entry.kind !== 'MONTH_CLOSED')
    throw new TillError('INPUT_INVALID', `entry ${entry.seq} is not a closure`);
  const parsed = closureSchema.safeParse(entry.payload);
  if (!parsed.success) throw new TillError('JOURNAL_BROKEN', `closure entry ${entry.seq} is unreadable`);
  const c = parsed.data;
  const title =
    entry.kind === 'DAY_CLOSED'
      ? `Clôture journalière (Z) du ${c.period}`
      : `Clôture mensuelle de ${c.period}`;
  // Dated by the entry, not by now: printing the same closure twice gives the same file.
  const { doc, done } = a4Document({
    title,
    at: entry.at,
    margin: 50,
    ...(opts.compress !== undefined ? { compress: opts.compress } : {}),
  });

  doc.font('Helvetica-Bold').fontSize(16).text(title);
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  if (meta.partnerName) doc.text(`Partenaire : ${meta.partnerName}`);
  doc.text(`Caisse : ${meta.deviceName ?? ''} (${entry.deviceId ?? 'non enrôlée'})`);
  doc.text(`Écriture n° ${entry.seq} du ${parisDateTime(entry.at)} (heure de Paris)`);
  doc.moveDown();

  doc.font('Helvetica-Bold').text('Catégorie', 50, doc.y, { continued: false });
  const top = doc.y;
  doc.font('Helvetica');
  let y = top + 4;
  for (const category of CATEGORIES) {
    const t = c.totals[category] ?? { count: 0, amountCents: 0 };
    doc.text(CATEGORY_FR[category] ?? category, 50, y, { width: 220 });
    doc.text(`${t.count} débit(s)`, 280, y, { width: 100, align: 'right' });
    doc.text(euros(t.amountCents), 390, y, { width: 150, align: 'right' });
    y += 16;
  }
  doc.font('Helvetica-Bold');
  doc.text('Total de la période', 50, y, { width: 220 });
  doc.text(`${c.count} débit(s)`, 280, y, { width: 100, align: 'right' });
  doc.text(euros(c.periodTotalCents), 390, y, { width: 150, align: 'right' });
  y += 16;
  doc.text('Grand total perpétuel', 50, y, { width: 220 });
  doc.text(euros(c.grandTotalCents), 390, y, { width: 150, align: 'right' });
  // Changes recorded after their own period was sealed: counted here, as their own signed lines.
  const corrections = c.corrections ?? [];
  if (corrections.length > 0) {
    y += 24;
    doc.text('Corrections enregistrées après une clôture (incluses ci-dessus)', 50, y);
    doc.font('Helvetica');
    for (const line of corrections) {
      y += 16;
      doc.text(
        `Écriture n° ${line.seq} — ${CATEGORY_FR[line.category] ?? line.category}, période ${line.period}`,
        50,
        y,
        { width: 320 },
      );
      doc.text(`${line.count} débit(s)`, 280, y, { width: 100, align: 'right' });
      doc.text(euros(line.amountCents), 390, y, { width: 150, align: 'right' });
    }
  }
  if (meta.avoirs) {
    const a = meta.avoirs;
    y += 24;
    doc
      .font('Helvetica-Bold')
      .text('Avoirs — crédit propre du partenaire, hors Atouts', 50, y, { width: 490 });
    doc.font('Helvetica');
    y += 16;
    doc.text('Avoirs émis', 50, y, { width: 220 });
    doc.text(`${a.issuedCount} avoir(s)`, 280, y, { width: 100, align: 'right' });
    doc.text(euros(a.issuedCents), 390, y, { width: 150, align: 'right' });
    y += 16;
    doc.text('Avoirs utilisés', 50, y, { width: 220 });
    doc.text(`${a.redeemedCount} utilisation(s)`, 280, y, { width: 100, align: 'right' });
    doc.text(euros(a.redeemedCents), 390, y, { width: 150, align: 'right' });
  }
  doc.font('Helvetica').fontSize(9);
  doc.text(`Écritures couvertes : ${c.firstSeq} à ${c.lastSeq}`, 50, y + 30);
  doc.text(`Empreinte de la dernière écriture (SHA-256) : ${c.lastHash}`);
  doc.text(`Empreinte de la clôture (SHA-256) : ${entry.hash}`);
  doc.end();
  return done;
}
