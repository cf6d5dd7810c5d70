// The foundation's proof: a person enrols the till, opens a session, pastes a pass token, debits a CINEMA
// seat partially (price 9,50 €, wallet 7,00 €, youth 2,50 €) through the UI in headless Chromium, and the
// Region's ledger holds that debit exactly once while the till's journal holds it too.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { madeBeforeAll } from '../support/made-before-all';
import { regionForTests } from '../support/region-for-tests';
import { tillHostForTests } from '../support/till-for-tests';
import { browserForTests } from '../support/ui-page';
import { fillEnrolment, fillSale, openSession, pastePass } from '../support/counter-steps';
import { readmeShot } from '../support/readme-shots';
import { youthWithPass } from '../support/region-server';

const region = regionForTests();
const till = tillHostForTests();
const browser = browserForTests();
const page = madeBeforeAll('the page', () =>
  browser.newPage({ viewport: { width: 1100, height: 820 }, locale: 'fr-FR' }),
);

describe('a first debit, end to end', () => {
  it('debits a CINEMA seat partially through the UI and the Region records it once', async () => {
    const partner = await region.admin.createPartner({
      name: 'Cinéma Le Rex',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    const { token } = await youthWithPass(region, {
      givenName: 'Léa',
      familyName: 'Martin',
      birthDate: '2007-03-14',
    });

    await page.goto(till.url);
    await fillEnrolment(
      page,
      { regionUrl: region.url, partnerId: partner.id, activationCode: partner.activationCode },
      { name: 'Claire Dubois', pin: '246810' },
    );
    await page.getByRole('button', { name: 'Enregistrer la caisse' }).click();

    await page.getByRole('heading', { name: 'Qui est en caisse ?' }).waitFor();
    await openSession(page, '246810');

    await pastePass(page, token);
    await expect.poll(() => page.locator('.holder').textContent(), { timeout: 15_000 }).toBe('Léa Martin');
    await expect
      .poll(() => page.locator('[data-wallet="CINEMA"]').textContent(), { timeout: 15_000 })
      .toContain('20,00');
    expect(await page.locator('.check-id').textContent()).toContain("Vérifiez une pièce d'identité");

    await fillSale(page, { price: '9,50', part: '7,00' });
    expect((await page.locator('form .split').textContent())?.replace(/\s/g, ' ')).toBe(
      'Atouts : 7,00 € — reste à payer : 2,50 €',
    );
    await page.getByLabel('Part Atouts (€)').press('Enter');

    const outcome = page.locator('[data-status]');
    await expect.poll(() => outcome.getAttribute('data-status'), { timeout: 15_000 }).toBe('accepted');
    expect((await outcome.textContent())?.replace(/\s/g, ' ')).toContain('Nouveau solde : 13,00 €');
    await readmeShot(page, 'first-debit');
    const debitId = await outcome.getAttribute('data-debit-id');

    const ledger = await region.admin.ledger();
    const mine = ledger.filter((d) => d.id === debitId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      category: 'CINEMA',
      item: 'SEANCE',
      amountCents: 700,
      priceCents: 950,
      status: 'accepted',
      partnerId: partner.id,
    });
    expect(ledger).toHaveLength(1);

    const db = new Database(join(till.dataDir, 'journal.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const kinds = db
        .prepare("SELECT kind FROM entries WHERE json_extract(payload, '$.debitId') = ? ORDER BY seq")
        .pluck()
        .all(debitId);
      expect(kinds).toEqual(['DEBIT_REQUESTED', 'DEBIT_ACCEPTED']);
    } finally {
      db.close();
    }
  });
});
