// Steps through the till's screens that several browser stories take the same way, named for what the
// person at the counter does. The stories keep their own checks between the steps.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The enrolment form filled in (not sent): the Region's address, the partner, its code, the manager, the PIN. */
export async function fillEnrolment(
  page: Page,
  activation: { regionUrl: string; partnerId: string; activationCode: string },
  manager: { name: string; pin: string },
): Promise<void> {
  await page.getByLabel('Adresse du serveur de la Région').fill(activation.regionUrl);
  await page.getByLabel('Identifiant de la structure').fill(activation.partnerId);
  await page.getByLabel("Code d'activation").fill(activation.activationCode);
  await page.getByLabel('Votre nom (responsable)').fill(manager.name);
  await page.getByLabel('Votre code PIN (6 à 8 chiffres)').fill(manager.pin);
}

/** At "Qui est en caisse ?", the PIN typed and the session opened (the person picked is the first listed). */
export async function openSession(page: Page, pin: string): Promise<void> {
  await page.getByLabel('Code PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Ouvrir la session' }).click();
}

/** A pass's text pasted into the counter's field, then Entrée: what a scanner in keyboard mode does. */
export async function pastePass(page: Page, token: string): Promise<void> {
  await page.getByLabel('Ou collez / saisissez le code').fill(token);
  await page.keyboard.press('Enter');
}

/** The sale's price and the part Atouts pays, typed as a cashier types them ("9,50"). */
export async function fillSale(page: Page, sale: { price: string; part: string }): Promise<void> {
  await page.getByLabel('Prix (€)').fill(sale.price);
  await page.getByLabel('Part Atouts (€)').fill(sale.part);
}

/** At Bons (F2), a coupon's code typed, then Entrée: the coupon's holder comes up for the sale. */
export async function enterCouponCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('Code du bon').fill(code);
  await page.keyboard.press('Enter');
}

/** Valider from the price field, and the coupon's sale accepted. */
export async function validateCouponSale(page: Page): Promise<void> {
  await page.getByLabel('Prix (€)').press('Enter');
  await expect
    .poll(() => page.locator('.coupons [data-status]').first().getAttribute('data-status'), {
      timeout: 15_000,
    })
    .toBe('accepted');
}
