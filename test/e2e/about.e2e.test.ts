// À propos / État in headless Chromium against the real core and Region server: the versions, the Region
// reachable with its last answer, the offline keys' age and policy; a debit whose answer the network lost
// shows as pending, and once the Region answers again "Envoyer maintenant" runs the outbox's next pass at once
// (it would also come by itself, later), the count falling to 0.
import { expect, describe, it } from 'vitest';
import { youthWithPass } from '../support/region-server';
import { useServedPage } from '../support/served-page';
import { expectAccessible } from '../support/ui-page';

const world = useServedPage({ name: 'Cinéma Ariel' });
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('À propos / État', () => {
  it('shows the versions, the Region, the keys and the offline rules', async () => {
    const { page, served } = world;
    await page.goto(served.host.url);
    await page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('button', { name: 'À propos' })
      .click();
    await page.getByRole('heading', { name: 'À propos / État' }).waitFor();
    expect(await page.locator('[data-version="app"]').textContent()).toBe('0.1.0');
    // Browser mode has no updater: it says so (Electron's main process answers through the shell's broker).
    expect(await page.locator('[data-update]').getAttribute('data-update')).toBe('browser');
    expect(await page.locator('[data-online]').textContent()).toBe('oui');
    await poll(() => page.locator('[data-keys-age]').textContent()).toMatch(/^reçues le .+ \(il y a 0 h\)$/);
    expect(await page.locator('[data-pending]').textContent()).toBe('0 opération attend la Région.');
    await expectAccessible(page, 'À propos');
  });

  it('lists a debit awaiting the Region, and sends it now', async () => {
    const { page, region } = world;
    await region.admin.setFaults({ dropAfterCommitRate: 1 });
    const theo = await youthWithPass(region, {
      givenName: 'Théo',
      familyName: 'Durand',
      birthDate: '2006-11-30',
    });
    await world.served.sell(theo.token, { priceCents: 950, amountCents: 500 });
    await poll(() => page.locator('[data-pending]').getAttribute('data-pending')).not.toBe('0');
    await region.admin.setFaults({ dropAfterCommitRate: 0 });
    // The outbox also resends by itself, and may do so between any check and the click: the click is forced,
    // so one that lands after the button turned disabled does nothing (a disabled button takes no click)
    // instead of waiting for it to be enabled again.
    await page.getByRole('button', { name: 'Envoyer maintenant' }).click({ force: true });
    await poll(() => page.locator('[data-pending]').textContent()).toBe('0 opération attend la Région.');
    expect(await page.getByRole('button', { name: 'Envoyer maintenant' }).isDisabled()).toBe(true);
  });

  it('after the page crashes, a new renderer on the same address (the shell reloads on render-process-gone) finds the session', async () => {
    const { page, served } = world;
    await page.getByRole('heading', { name: 'À propos / État' }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    // Playwright cannot reload a crashed page; a fresh renderer on the same address stands for Electron's reload.
    const reloaded = await page.context().newPage();
    world.page = reloaded;
    await reloaded.goto(served.host.url);
    // Nobody logs in again: the staff session lives in the core.
    await reloaded.getByRole('navigation', { name: 'Menu principal' }).waitFor();
    expect(await reloaded.getByRole('heading', { name: 'Qui est en caisse ?' }).count()).toBe(0);
    expect(await reloaded.locator('.status-bar').textContent()).toContain('Claire');
    expect(served.till.status().staff?.role).toBe('manager');
  });
});
