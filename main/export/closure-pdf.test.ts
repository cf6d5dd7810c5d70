// The closure PDF read back by a real PDF parser (pdf.js): Paris times, `1 234,56 €`, and the corrections
// carried from a sealed day, as an auditor's tool would extract them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, it } from 'vitest';
import { debitRequested } from '../../test/support/journal-fixtures';
import { deviceJournalForTest } from '../../test/support/journal-for-tests';
import { closurePdf, frenchEuros } from './closure-pdf';

/** pdf.js reads the metrics of the 14 standard fonts (pdfkit's Helvetica) from its own folder. */
const standardFontDataUrl =
  join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

async function pdfLines(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, standardFontDataUrl })
    .promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);
  }
  await doc.destroy();
  return lines;
}

it('groups thousands with a no-break space', () => {
  expect([0, 5, 700, 123456, 100_000_000, -123456].map(frenchEuros)).toEqual([
    '0,00 €',
    '0,05 €',
    '7,00 €',
    '1\u00a0234,56 €',
    '1\u00a0000\u00a0000,00 €',
    '-1\u00a0234,56 €',
  ]);
});

it('prints Paris times and French amounts, and the corrections carried into the period', async () => {
  const { t, clock } = deviceJournalForTest('2026-03-10T20:00:00.000Z');
  const j = t.journal;
  const sale = (debitId: string, amountCents: number, category = 'SPECTACLE') => [
    {
      kind: 'DEBIT_REQUESTED' as const,
      payload: debitRequested({
        debitId,
        amountCents,
        priceCents: amountCents,
        category,
        item: category === 'CINEMA' ? 'SEANCE' : 'PLACE',
        occurredAt: clock.now().toISOString(),
      }),
    },
    {
      kind: 'DEBIT_ACCEPTED' as const,
      payload: { debitId, walletBalanceCents: 0, acceptedAt: clock.now().toISOString() },
    },
  ];
  j.appendAll([...sale('big', 123456), ...sale('small', 105, 'CINEMA')]);
  clock.set('2026-03-11T08:51:03.691Z');
  j.closeDay('2026-03-10', 'm1');
  j.appendAll([
    { kind: 'VOID_REQUESTED', payload: { debitId: 'small', voidId: 'v1', reason: 'DUPLICATE' } },
    { kind: 'DEBIT_VOIDED', payload: { debitId: 'small', voidId: 'v1', walletBalanceCents: 105 } },
  ]);
  clock.set('2026-03-12T00:10:00.000Z');
  const z = j.closeDay('2026-03-11', 'm1');

  const lines = (
    await pdfLines(await closurePdf(z, { partnerName: 'Cinéma Le Rex', deviceName: 'Caisse 1' }))
  ).map((l) => l.replace(/\u00a0/g, ' '));
  const text = lines.join('\n');
  // 00:10 UTC on 12 March is 01:10 in Paris (UTC+1 before 29 March).
  expect(text).toContain(`Écriture n° ${z.seq} du 12/03/2026 01:10:00 (heure de Paris)`);
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(text).toMatch(/Grand total perpétuel\s*1 234,56 €/);
  expect(text).toMatch(/Total de la période\s*-1 débit\(s\)\s*-1,05 €/);
  expect(text).toContain('Corrections enregistrées après une clôture');
  expect(text).toMatch(/Écriture n° \d+ — Cinéma, période 2026-03-10\s*-1 débit\(s\)\s*-1,05 €/);

  const first = (
    await pdfLines(await closurePdf(j.closure('day', '2026-03-10')!, { partnerName: null, deviceName: null }))
  )
    .join('\n')
    .replace(/\u00a0/g, ' ');
  expect(first).toContain('du 11/03/2026 09:51:03 (heure de Paris)');
  expect(first).toMatch(/Spectacle\s*1 débit\(s\)\s*1 234,56 €/);
  expect(first).toMatch(/Total de la période\s*2 débit\(s\)\s*1 235,61 €/);
  expect(first).not.toContain('Corrections');
});
