// The counter at rush hour, in headless Chromium against the real till (browser mode) and the reference Region
// server: a queue of youths, a keyboard-wedge scanner, a cashier who types fast. Each test stands alone on
// its own page; the till and the Region are shared, as at a real counter.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { chromiumLaunchOptions } from '../support/chromium';
import { startServedTill, type ServedTill } from '../support/served-till';
import { typeBurst } from '../scan/key-burst';

let region: RegionHandle;
let served: ServedTill;
let browser: Browser;
let page: Page;

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const textOf = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s/g, ' ');

async function youthWithPass(givenName: string): Promise<{ id: string; token: string }> {
  const youth = await region.admin.createBeneficiary({ givenName, familyName: 'Queue', birthDate: '2007-03-14' });
  return { id: youth.id, token: await region.admin.mintPass({ beneficiaryId: youth.id }) };
}

/** A US-configured keyboard-wedge scanner on an AZERTY counter, wherever the focus is. */
async function wedgeScan(token: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await typeBurst(cdp, 'azerty', token);
  await cdp.detach();
}

async function openCounter(): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(served.host.url);
  await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();
}

beforeAll(async () => {
  region = await startRegionServer();
  served = await startServedTill(region, { name: 'Cinéma de la file' });
  browser = await chromium.launch(chromiumLaunchOptions());
}, 120_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) console.error(`page at failure of "${ctx.task.name}":\n${await page.locator('body').innerText()}`);
  await page?.context().close();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await region?.stop();
});

describe('a new scan starts a fresh sale', () => {
  it("never carries the previous youth's price, part or refusal into the next youth's sale", async () => {
    const a = await youthWithPass('Alice');
    const b = await youthWithPass('Bruno');
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
