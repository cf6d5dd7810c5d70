// À propos / État in headless Chromium against the real core and Region server: the versions, the Region
// reachable with its last answer, the offline keys' age and policy; a debit whose answer the network lost
// shows as pending, and once the Region answers again "Envoyer maintenant" runs the outbox's next pass at once
// (it would also come by itself, later), the count falling to 0.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../preload/contract';
import { chromiumLaunchOptions } from '../support/chromium';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { startServedTill, type ServedTill } from '../support/served-till';
import { expectAccessible, newTillPage, printPageOnFailure } from '../support/ui-page';

let region: RegionHandle;
let served: ServedTill;
let browser: Browser;
let page: Page;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  region = await startRegionServer();
  served = await startServedTill(region, { name: 'Cinéma Ariel' });
  browser = await chromium.launch(chromiumLaunchOptions());
  page = await newTillPage(browser);
}, 120_000);
printPageOnFailure(() => page);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await region?.stop();
});

describe('À propos / État', () => {
  it('shows the versions, the Region, the keys and the offline rules', async () => {
    await page.goto(served.host.url);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('button', { name: 'À propos' }).click();
    await page.getByRole('heading', { name: 'À propos / État' }).waitFor();
    expect(await page.locator('[data-version="app"]').textContent()).toBe('0.1.0');
    expect(await page.locator('[data-online]').textContent()).toBe('oui');
    await poll(() => page.locator('[data-keys-age]').textContent()).toMatch(/^reçues le .+ \(il y a 0 h\)$/);
    expect(await page.locator('[data-pending]').textContent()).toBe('0 opération attend la Région.');
    await expectAccessible(page, 'À propos');
  });

  it('lists a debit awaiting the Region, and sends it now', async () => {
    const { till, must } = served;
    await region.admin.setFaults({ dropAfterCommitRate: 1 });
    const youth = await region.admin.createBeneficiary({ givenName: 'Théo', familyName: 'Durand', birthDate: '2006-11-30' });
    const scan = must(await till.dispatch('pass.scan', { text: await region.admin.mintPass({ beneficiaryId: youth.id }), source: 'paste' })) as ScanOutcome;
    if (scan.kind !== 'pass') throw new Error(scan.kind);
    await till.dispatch('debit.submit', { scanId: scan.card.scanId, category: 'CINEMA', item: 'SEANCE', priceCents: 950, amountCents: 500 });
    await poll(() => page.locator('[data-pending]').getAttribute('data-pending')).not.toBe('0');
    await region.admin.setFaults({ dropAfterCommitRate: 0 });
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await poll(() => page.locator('[data-pending]').textContent()).toBe('0 opération attend la Région.');
    expect(await page.getByRole('button', { name: 'Envoyer maintenant' }).isDisabled()).toBe(true);
  });
});
