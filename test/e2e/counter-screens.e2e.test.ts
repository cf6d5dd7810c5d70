// Every counter screen, driven from the keyboard in headless Chromium against the real till (browser mode)
// and the reference Region server: the flows of issue 6, an axe-core check per screen, and the README's
// screenshots. One Region, one till and one browser for the whole file; the tests run in order, as a shift.
import { beforeAll, describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { youthWithCoupon, offerRunningNow } from '../support/region-server';
import { tillHostForTests } from '../support/till-for-tests';
import {
  browserForTests,
  expectAccessible as expectPageAccessible,
  pageForTests,
  printPageOnFailure,
} from '../support/ui-page';
import {
  fillEnrolment,
  fillSale,
  enterCouponCode,
  pastePass,
  validateCouponSale,
} from '../support/counter-steps';
import { readmeShot } from '../support/readme-shots';

const region = regionForTests();
const till = tillHostForTests();
const browser = browserForTests();
const page = pageForTests(browser, { width: 1200, height: 900 });
printPageOnFailure(() => page);
let partner: { id: string; activationCode: string };
let lea: { id: string };

// Six digits: the enrolment form asks a manager for 6 to 8 (issue 15).
const MANAGER_PIN = '246810';
// The machine is shared and PIN hashing is deliberately slow: wait for the page, not for a fixed second.
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const text = async (selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s/g, ' ');

const expectAccessible = (screen: string) => expectPageAccessible(page, screen);

async function shot(screen: string): Promise<void> {
  await readmeShot(page, screen, { fullPage: true });
}

async function scanPass(token: string): Promise<void> {
  await page.keyboard.press('F1');
  await pastePass(page, token);
}

beforeAll(async () => {
  partner = await region.admin.createPartner({
    name: 'Espace Rollon',
    siret: '12345678900011',
    accreditations: ['CINEMA', 'SPORT', 'SPECTACLE'],
  });
  lea = await region.admin.createBeneficiary({
    givenName: 'Léa',
    familyName: 'Martin',
    birthDate: '2007-03-14',
  });
});

// One shift on one till: each step starts where the previous left the till, so they run in order, declared so.
describe.sequential('the counter, screen by screen', () => {
  it('start of shift: enrolment, then staff pick and PIN', async () => {
    await page.goto(till.url);
    await fillEnrolment(
      page,
      { regionUrl: region.url, partnerId: partner.id, activationCode: partner.activationCode },
      { name: 'Claire Dubois', pin: MANAGER_PIN },
    );
    await expectAccessible('enrol');
    await page.getByRole('button', { name: 'Enregistrer la caisse' }).click();

    await poll(() => page.getByLabel('Code PIN', { exact: true }).count()).toBe(1);
    // Focus waits in the PIN field: the cashier types and presses Enter.
    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await poll(() => text('[role="alert"]')).toContain('Code PIN incorrect');
    await expectAccessible('login');
    await shot('login');
    await page.getByLabel('Code PIN', { exact: true }).fill(MANAGER_PIN);
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('navigation', { name: 'Menu principal' }).count()).toBe(1);
    expect(await text('.status-bar')).toContain('Claire Dubois (responsable)');
  });

  it('counter: scan → card → partial cinema debit → success → receipt', async () => {
    await scanPass(await region.admin.mintPass({ beneficiaryId: lea.id }));
    await poll(() => text('.holder')).toBe('Léa Martin');
    expect(await text('.born')).toContain('14/03/2007');
    expect(await text('.check-id')).toContain("Vérifiez une pièce d'identité");
    expect(await text('[data-wallet="CINEMA"]')).toContain('20,00');
    // Focus is on the price; the category's items only.
    await page.getByLabel('Catégorie').selectOption({ label: 'Cinéma' });
    expect(await page.getByLabel('Article').locator('option').allTextContents()).toEqual([
      'Séance',
      'Abonnement',
    ]);
    await fillSale(page, { price: '9,50', part: '7,00' });
    expect(await text('form .split')).toBe('Atouts : 7,00 € — reste à payer : 2,50 €');
    await expectAccessible('counter-card');
    await shot('counter-card');
    await page.getByLabel('Part Atouts (€)').press('Enter');

    const outcome = page.locator('[data-status]');
    await poll(() => outcome.getAttribute('data-status')).toBe('accepted');
    expect(await text('[data-status]')).toContain('Nouveau solde : 13,00 €');
    await expectAccessible('counter-success');
    await shot('counter-success');

    await page.keyboard.press('Alt+T');
    await poll(() => text('.receipt')).toContain('Espace Rollon');
    const receipt = await text('.receipt');
    for (const part of ['9,50 €', '7,00 €', '2,50 €', '13,00 €', 'L. M.', 'Séance'])
      expect(receipt).toContain(part);
    await expectAccessible('receipt');
    await shot('receipt');
    await page.keyboard.press('Escape');
    // Client suivant: Échap (an Enter pressed by habit must not skip the result).
    await page.locator('[data-status]').waitFor();
    await page.keyboard.press('Escape');
    await poll(() => page.getByLabel('Ou collez / saisissez le code').count()).toBe(1);
  });

  it('counter: a refusal says why in one French sentence and what to do next', async () => {
    // The Region withdraws the cinema accreditation: the till's next debit in that category is refused.
    await region.admin.patchPartner(partner.id, { accreditations: ['SPORT', 'SPECTACLE'] });
    await scanPass(await region.admin.mintPass({ beneficiaryId: lea.id }));
    await poll(() => text('.holder')).toBe('Léa Martin');
    // The till still offers the category it was enrolled with; the Region has the last word.
    await page.getByLabel('Catégorie').selectOption({ label: 'Cinéma' });
    await page.getByLabel('Prix (€)').fill('8,00');
    await page.getByLabel('Prix (€)').press('Enter');
    await poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('refused');
    expect(await text('[data-code]')).toContain("n'est pas agréée pour cette catégorie");
    await expectAccessible('counter-refused');
    await shot('counter-refused');
    await region.admin.patchPartner(partner.id, { accreditations: ['CINEMA', 'SPORT', 'SPECTACLE'] });
    await page.keyboard.press('Escape');
  });

  it('coupons: the list with names, a typed short code, redeemed with the remainder', async () => {
    const { coupon } = await youthWithCoupon(
      region,
      { givenName: 'Tom', familyName: 'Leroy', birthDate: '2008-09-02' },
      { partnerId: partner.id, category: 'SPORT', amountCents: 3000 },
    );
    await page.keyboard.press('F2');
    await poll(() => text('.coupons-table')).toContain('Tom Leroy');
    // Any case, hyphens optional.
    await enterCouponCode(page, coupon.code.replace(/-/g, '').toLowerCase());
    await poll(() => text('.holder')).toContain('Tom Leroy');
    await page.getByLabel('Article').selectOption({ label: 'Licence' });
    await page.getByLabel('Prix (€)').fill('45');
    expect(await text('form .split')).toBe('Bon : 30,00 € — reste à payer : 15,00 €');
    await expectAccessible('coupons');
    await shot('coupons');
    await validateCouponSale(page);
    expect(await text('.youth-pays')).toContain('15,00 €');
  });

  it('bons plans: pick the offer, scan to check in, who came and who did not', async () => {
    const offer = await offerRunningNow(region, {
      partnerId: partner.id,
      title: 'Avant-première',
      places: 20,
      hoursLeft: 24,
    });
    const ines = await region.admin.createBeneficiary({
      givenName: 'Inès',
      familyName: 'Roux',
      birthDate: '2006-01-20',
    });
    await region.admin.addParticipant(offer.id, { beneficiaryId: lea.id });
    await region.admin.addParticipant(offer.id, { beneficiaryId: ines.id });
    await page.keyboard.press('F3');
    await page.getByLabel('Bon plan').selectOption({ label: 'Avant-première' });
    await poll(() => text('.not-came')).toContain('Inès Roux');
    await page
      .getByLabel('Scannez ou collez le QR code du participant')
      .fill(await region.admin.mintPass({ beneficiaryId: lea.id }));
    await page.keyboard.press('Enter');
    await poll(() => text('.came')).toContain('Léa Martin');
    expect(await text('.not-came')).toContain('Inès Roux');
    expect(await text('.not-came')).not.toContain('Léa Martin');
    await expectAccessible('offers');
    await shot('offers');
  });

  it('journal: filters, totals, chain position, and a void by a manager with its window', async () => {
    await page.keyboard.press('F4');
    await poll(() => page.locator('.journal-table tbody tr').count()).toBeGreaterThan(0);
    expect(await text('.totals')).toContain('Cinéma');
    await page.getByLabel('Catégorie').selectOption({ label: 'Cinéma' });
    await page.getByLabel('État').selectOption({ label: 'Accepté' });
    await page.getByRole('button', { name: 'Afficher (Entrée)' }).click();
    await poll(() => page.locator('.journal-table tbody tr').count()).toBe(1);
    const row = page.locator('.journal-table tbody tr').first();
    expect(await row.textContent()).toContain('Léa Martin');
    await row.getByRole('button').click();
    await poll(() => text('.chain')).toContain('Position dans la chaîne');
    await expectAccessible('journal');
    await shot('journal');
    await page.getByRole('button', { name: 'Annuler ce paiement (Alt+V)' }).click();
    expect(await text('.void-form .void-window')).toContain('le jour même');
    await page.getByLabel("Motif de l'annulation").fill('Séance annulée');
    // The dialog names whose payment and how much; the two actions cannot be taken for each other.
    expect(await text('.void-summary')).toContain('Léa Martin');
    expect(await page.getByRole('button', { name: 'Garder le paiement (Échap)' }).count()).toBe(1);
    await page.getByRole('button', { name: /^Annuler ce paiement de 7,00\s€$/ }).click();
    await page.getByLabel('État').selectOption({ label: 'Annulé' });
    // The list is a query, not a live view: asked again until the Region's answer to the void is in (on a
    // loaded machine it may come after the first query, which then shows the void still awaiting it).
    await poll(async () => {
      await page.getByRole('button', { name: 'Afficher (Entrée)' }).click();
      return page.locator('.journal-table tbody tr[data-status="voided"]').count();
    }).toBe(1);
    const voided = (await region.admin.ledger()).filter((d) => d.status === 'voided');
    expect(voided).toHaveLength(1);
  });

  it("closures: the day's Z-closure, statements and reconciliation", async () => {
    await page.keyboard.press('F5');
    await poll(() => page.getByRole('button', { name: 'Clôturer la journée (Alt+Z)' }).count()).toBe(1);
    await page.keyboard.press('Alt+Z');
    await poll(() => text('[data-closure]')).toContain('clôturée');
    await poll(() => page.locator('.closures-table tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Rapprocher avec la Région (Alt+R)' }).click();
    await poll(
      async () =>
        (await page.locator('.differences-table').count()) + (await page.getByText('Aucun écart').count()),
    ).toBeGreaterThan(0);
    await expectAccessible('closures');
    await shot('closures');
  });

  it('settings: enrolment, language, scanners, sounds; a cashier may not void', async () => {
    await page.keyboard.press('F6');
    await poll(() => text('.facts')).toContain(partner.id);
    expect(await text('.facts')).toContain(region.url);
    await poll(() => page.getByText('Lecteurs USB HID').count()).toBe(1);
    await page.getByLabel('Nom', { exact: true }).fill('Hugo Petit');
    await page.getByLabel('Code PIN (4 à 8 chiffres)').fill('1357');
    await page.getByRole('button', { name: 'Ajouter la personne' }).click();
    await poll(() => text('.settings [role="status"]')).toContain('Hugo Petit');
    await page.getByRole('button', { name: 'Enregistrer (Alt+S)' }).click();
    await poll(() => page.getByText('Réglages enregistrés.').count()).toBe(1);
    await expectAccessible('settings');
    await shot('settings');

    await page.keyboard.press('F12');
    await poll(() => page.getByLabel('Code PIN', { exact: true }).count()).toBe(1);
    await page.getByLabel('Personne').selectOption({ label: 'Hugo Petit (caissier·ère)' });
    await page.getByLabel('Code PIN', { exact: true }).fill('1357');
    await page.keyboard.press('Enter');
    await poll(() => text('.status-bar')).toContain('Hugo Petit');
    await page.keyboard.press('F6');
    await poll(() => page.getByText('Personnel').count()).toBe(0);
  });
});
