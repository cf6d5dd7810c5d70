// The counter at rush hour, in headless Chromium against the real till (browser mode) and the reference Region
// server: a queue of youths, a keyboard-wedge scanner, a cashier who types fast. Each test stands alone on
// its own page; the till and the Region are shared, as at a real counter.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { regionForTests } from '../support/region-for-tests';
import { youthWithPass } from '../support/region-server';
import { servedTillForTests } from '../support/till-for-tests';
import { must } from '../support/till-calls';
import { typeBurst } from '../scan/key-burst';
import { browserForTests, expectAccessible, newTillPage, printPageOnFailure } from '../support/ui-page';

const region = regionForTests();
const served = servedTillForTests(region, { name: 'Espace de la file', accreditations: ['CINEMA', 'SPORT'] });
const browser = browserForTests();
let page: Page;

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const textOf = async (selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s/g, ' ');

const inTheQueue = (givenName: string) =>
  youthWithPass(region, { givenName, familyName: 'Queue', birthDate: '2007-03-14' });

/** A US-configured keyboard-wedge scanner on an AZERTY counter, wherever the focus is. */
async function wedgeScan(token: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await typeBurst(cdp, 'azerty', token);
  await cdp.detach();
}

/** The sale fits a 1024×768 till screen: the split line and Valider are in view without scrolling. */
async function expectSaleInView(): Promise<void> {
  for (const selector of ['[data-split]', 'form button[type="submit"]']) {
    const box = await page.locator(selector).boundingBox();
    expect(box, selector).not.toBeNull();
    expect(box!.y + box!.height, selector).toBeLessThanOrEqual(768);
  }
}

async function openCounter(): Promise<void> {
  page = await newTillPage(browser, { width: 1024, height: 768 });
  await page.goto(served.host.url);
  await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();
}

afterEach(async () => {
  await page?.context().close();
  await region.admin.setFaults({});
  await must(served.till, 'tariff.set', { tariffs: [] });
});
// Registered after the hook that closes the page, so that it runs before it (after-hooks run in reverse).
printPageOnFailure(() => page);

describe('a new scan starts a fresh sale', () => {
  it("never carries the previous youth's price, part or refusal into the next youth's sale", async () => {
    const a = await inTheQueue('Alice');
    const b = await inTheQueue('Bruno');
    await openCounter();

    await wedgeScan(a.token);
    await poll(() => textOf('.holder')).toBe('Alice Queue');
    const price = page.getByLabel('Prix (€)');
    await price.focus();
    await page.keyboard.type('12');
    // A part above the price: Alice's sale shows a refusal that must not follow Bruno.
    await page.getByLabel('Part Atouts (€)').fill('15,00');
    await page.getByLabel('Part Atouts (€)').press('Enter');
    await poll(() => page.locator('form [role="alert"]').count()).toBeGreaterThan(0);

    // Bruno's pass arrives from the wedge scanner while the focus is in Alice's half-typed price.
    await price.focus();
    await wedgeScan(b.token);
    await poll(() => textOf('.holder')).toBe('Bruno Queue');
    expect(await page.getByLabel('Prix (€)').inputValue()).toBe('');
    expect(await page.getByLabel('Part Atouts (€)').inputValue()).toBe('');
    expect(await page.locator('form [role="alert"]').count()).toBe(0);

    // The cashier keeps typing where the focus is: Bruno's price, from empty.
    await page.getByLabel('Prix (€)').focus();
    await page.keyboard.type('4,00');
    await poll(() => page.getByLabel('Part Atouts (€)').inputValue()).toBe('4,00');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('accepted');
    expect(await textOf('[data-status] .split')).toBe('Atouts : 4,00 € — reste à payer : 0,00 €');

    const ledger = await region.admin.ledger();
    expect(ledger.filter((d) => d.beneficiaryId === a.id)).toEqual([]);
    const bruno = ledger.filter((d) => d.beneficiaryId === b.id);
    expect(bruno).toHaveLength(1);
    expect(bruno[0]).toMatchObject({ priceCents: 400, amountCents: 400, status: 'accepted' });
  });
});

describe('the standard sale and its result', () => {
  it('scan → 1 → Enter with a tariff, and a second Enter by habit does not skip the result', async () => {
    await must(served.till, 'tariff.set', {
      tariffs: [
        { id: 'plein', label: 'Plein', category: 'CINEMA', item: 'SEANCE', priceCents: 950 },
        { id: 'reduit', label: 'Réduit', category: 'CINEMA', item: 'SEANCE', priceCents: 700 },
      ],
    });
    const c = await inTheQueue('Chloé');
    await openCounter();
    await wedgeScan(c.token);
    await poll(() => textOf('.holder')).toBe('Chloé Queue');
    // After the scan the focus is on the tariffs: the number key picks one, Enter validates.
    expect(await page.evaluate(() => document.activeElement?.closest('.tariffs') !== null)).toBe(true);
    await expectSaleInView();
    await expectAccessible(page, 'card with tariffs');
    await page.keyboard.press('1');
    await poll(() => textOf('[data-split] .split')).toBe('Atouts : 9,50 € — reste à payer : 0,00 €');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('accepted');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // Still the result: it goes with Échap, the button, or the next scan — never with an Enter pressed twice.
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('accepted');
    expect(await textOf('.youth-pays')).toBe('Le jeune paie : 0,00 €');
    await expectAccessible(page, 'result');
    const ledger = (await region.admin.ledger()).filter((d) => d.beneficiaryId === c.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ item: 'SEANCE', priceCents: 950, amountCents: 950 });

    // Queue mode: the next youth's scan replaces the result at once.
    const d = await inTheQueue('David');
    await wedgeScan(d.token);
    await poll(() => textOf('.holder')).toBe('David Queue');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();
  });

  it('warns above the balance before Enter, naming the maximum, and Enter keeps the focus on the part', async () => {
    const e = await inTheQueue('Emma');
    await openCounter();
    await wedgeScan(e.token);
    await poll(() => textOf('.holder')).toBe('Emma Queue');
    await page.getByLabel('Prix (€)').fill('25,00');
    await page.getByLabel('Part Atouts (€)').fill('21,00');
    await poll(() => textOf('[data-warning]')).toContain('la part Atouts peut aller jusqu’à 20,00 € au plus');
    await page.getByLabel('Part Atouts (€)').press('Enter');
    expect(await page.locator('[data-status]').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
      'amount',
    );
    expect(await textOf('form .banner-refused')).toContain('20,00 €');
    await expectSaleInView();
    await expectAccessible(page, 'refusal above the balance');
    expect((await region.admin.ledger()).filter((d) => d.beneficiaryId === e.id)).toEqual([]);
  });
});

describe('what the counter meets', () => {
  it('opens a coupon scanned on the counter screen (F1) on the coupons screen', async () => {
    const f = await inTheQueue('Fanny');
    const partnerId = served.till.status().partner!.id;
    const coupon = await region.admin.createCoupon({
      beneficiaryId: f.id,
      partnerId,
      category: 'SPORT',
      amountCents: 1500,
    });
    await openCounter();
    await wedgeScan(coupon.token);
    await page.getByRole('heading', { name: 'Bons de pré-paiement' }).waitFor();
    await poll(() => page.locator('body').innerText()).toContain('Fanny Queue');
    expect(await page.locator('body').innerText()).not.toContain('QR code illisible');
  });

  it('clears the HORS LIGNE banner by itself once the Region is back, with nothing pending and nobody scanning', async () => {
    const g = await inTheQueue('Gaël');
    await openCounter();
    await region.admin.setFaults({ errorRate: 1 });
    await wedgeScan(g.token);
    await poll(() => textOf('.holder')).toBe('Gaël Queue');
    await poll(() => page.locator('[data-offline="true"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await region.admin.setFaults({});
    await expect.poll(() => page.locator('[data-offline="true"]').count(), { timeout: 10_000 }).toBe(0);
  });

  it('with a slow Region, says it is checking, then applies the offline rules after a bounded wait', async () => {
    const h = await inTheQueue('Hugo');
    await openCounter();
    await region.admin.setFaults({ latencyMs: 9000 });
    await wedgeScan(h.token);
    await page.locator('[data-checking]').waitFor({ state: 'visible' });
    expect((await textOf('[data-checking]')).trim()).toBe('Vérification du QR code…');
    await poll(() => textOf('.holder')).toBe('Hugo Queue');
    expect(await page.locator('.pass-card').getAttribute('data-source')).toBe('offline');
    await page.getByLabel('Prix (€)').fill('6,00');
    await page.getByLabel('Part Atouts (€)').press('Enter');
    await poll(() => page.locator('[data-status]').getAttribute('data-status')).toBe('offline_accepted');
    await region.admin.setFaults({});
    // The outbox sends it once the Region answers again: one debit, offline mode, in the Region's ledger.
    await expect
      .poll(async () => (await region.admin.ledger()).filter((d) => d.beneficiaryId === h.id).length, {
        timeout: 30_000,
      })
      .toBe(1);
    expect((await region.admin.ledger()).find((d) => d.beneficiaryId === h.id)).toMatchObject({
      mode: 'offline',
      amountCents: 600,
    });
  });
});
