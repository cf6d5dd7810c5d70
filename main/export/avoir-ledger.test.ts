// Avoirs in the partner's books: a section of their own in the closure PDF and in their CSV, never in the
// Atouts totals the closure seals (§2.4), on a real journal file read back by pdf.js.
import { expect, it } from 'vitest';
import { debitRequested } from '../../test/support/journal-fixtures';
import { deviceJournalForTest } from '../../test/support/journal-for-tests';
import { exportClosurePdf } from './period-exports';
import { pdfText } from '../../test/support/pdf-text';
import { AvoirDesk } from '../avoir/avoir-desk';
import { avoirsCsv, avoirTotalsOfPeriod } from './avoir-ledger';

it('a closed day shows its avoirs in a section apart, the Atouts totals it seals do not move, and the avoirs have their own CSV', async () => {
  const { t, clock } = deviceJournalForTest('2026-03-10T09:00:00.000Z');
  const j = t.journal;
  j.append({
    kind: 'DEBIT_REQUESTED',
    cashierId: 'c',
    payload: debitRequested({
      debitId: 'd-1',
      category: 'SPECTACLE',
      item: 'PLACE',
      amountCents: 1500,
      priceCents: 2000,
      occurredAt: '2026-03-10T09:00:00.000Z',
    }),
  });
  j.append({
    kind: 'DEBIT_ACCEPTED',
    cashierId: null,
    payload: { debitId: 'd-1', walletBalanceCents: 1500, acceptedAt: '2026-03-10T09:00:01.000Z' },
  });
  const desk = new AvoirDesk({ journal: j, cashierId: () => 'mgr' });
  const [avoir] = desk.issue(['d-1']);
  desk.redeem(avoir!.code, 400);

  expect(avoirTotalsOfPeriod(j, '2026-03-10')).toEqual({
    issuedCount: 1,
    issuedCents: 1500,
    redeemedCount: 1,
    redeemedCents: 400,
  });
  expect(avoirTotalsOfPeriod(j, '2026-03-11')).toEqual({
    issuedCount: 0,
    issuedCents: 0,
    redeemedCount: 0,
    redeemedCents: 0,
  });

  clock.set('2026-03-11T08:00:00.000Z');
  const closure = j.closeDay('2026-03-10', 'mgr');
  // The Atouts total sealed is the debit's 15 €: the avoir is not Atouts money.
  expect(closure.payload).toMatchObject({ count: 1, periodTotalCents: 1500 });
  const pdf = await exportClosurePdf(j, '2026-03-10', { partnerName: 'Théâtre', deviceName: 'Caisse 1' });
  const text = (await pdfText(pdf.bytes)).replace(/\s+/g, ' ');
  expect(text).toContain('Total de la période 1 débit(s) 15,00 €');
  expect(text).toContain('Avoirs — crédit propre du partenaire, hors Atouts');
  expect(text).toContain('Avoirs émis 1 avoir(s) 15,00 €');
  expect(text).toContain('Avoirs utilisés 1 utilisation(s) 4,00 €');

  const lines = avoirsCsv(j, { fromAt: '2026-03-01T00:00:00.000Z', toAt: '2026-04-01T00:00:00.000Z' })
    .replace('\uFEFF', '')
    .split('\r\n');
  expect(lines[0]).toBe('Date;Écriture;Opération;Avoir;Code;Catégorie;Montant (€);Reste (€);Caissier');
  expect(lines[1]).toMatch(
    new RegExp(`^10/03/2026 10:00:00;3;émission;${avoir!.avoirId};${avoir!.code};SPECTACLE;15,00;15,00;mgr$`),
  );
  expect(lines[2]).toMatch(
    new RegExp(`;utilisation;${avoir!.avoirId};${avoir!.code};SPECTACLE;4,00;11,00;mgr$`),
  );
  expect(lines).toHaveLength(4);
});
