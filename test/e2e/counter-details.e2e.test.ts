// The small things of issue 13, each seen where a cashier sees it, in headless Chromium set to English (a
// French counter on an English-language computer) against the real till core and the reference Region:
// dates typed and shown jj/mm/aaaa whatever the OS language, months named, Bons (F2) where coupons exist,
// "Bon de Tom Leroy encaissé", a check-in refusal that names the youth, "Langue" under its own heading, a
// role not doubled in the staff list, and a favicon the page may load.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TillStatus } from '../../preload/contract';
import { enterCouponCode, validateCouponSale } from '../support/counter-steps';
import { regionForTests } from '../support/region-for-tests';
import { youthWithCoupon, offerRunningNow } from '../support/region-server';
import { servedTillForTests } from '../support/till-for-tests';
import { must } from '../support/till-calls';
import { browserForTests, expectAccessible, pageForTests, printPageOnFailure } from '../support/ui-page';

const region = regionForTests();
const served = servedTillForTests(region, { name: 'Club Rollon', accreditations: ['SPORT', 'CINEMA'] });
const browser = browserForTests();
const page = pageForTests(browser, { locale: 'en-US', timezoneId: 'America/New_York' });
printPageOnFailure(() => page);
const consoleErrors: string[] = [];

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const partnerId = async () => (await must<TillStatus>(served.till, 'till.status', {})).partner?.id ?? '';
const text = async (selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s/g, ' ');
const parisNow = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('fr-FR', { ...options, timeZone: 'Europe/Paris' }).format(new Date());

beforeAll(async () => {
  // A manager whose name was typed with the role in it, as the enrolment label invites.
  await must(served.till, 'staff.add', {
    name: 'Marc Roy (responsable)',
    role: 'manager',
    pin: '97531246',
  });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(served.host.url);
  await page.getByRole('navigation', { name: 'Menu principal' }).waitFor();
}, 120_000);

describe('the small things, on an English-language computer', () => {
  it('a favicon, loaded under the page CSP', async () => {
    const icons = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    const loaded = await page.evaluate(
      (href) =>
        new Promise<number>((resolve) => {
          const img = new Image();
          img.onload = () => resolve(img.naturalWidth);
          img.onerror = () => resolve(-1);
          img.src = href;
        }),
      icons[0]!,
    );
    expect(loaded).toBe(32);
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it('a club that takes coupons has Bons (F2); "Bon de Tom Leroy encaissé"', async () => {
    expect(
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('button', { name: 'Bons (F2)' })
        .count(),
    ).toBe(1);
    const { coupon } = await youthWithCoupon(
      region,
      { givenName: 'Tom', familyName: 'Leroy', birthDate: '2008-09-02' },
      { partnerId: await partnerId(), category: 'SPORT', amountCents: 3000 },
    );
    await page.keyboard.press('F2');
    await enterCouponCode(page, coupon.code);
    await poll(() => text('.holder')).toContain('Tom Leroy');
    await page.getByLabel('Article').selectOption({ label: 'Licence' });
    await page.getByLabel('Prix (€)').fill('45');
    await validateCouponSale(page);
    expect(await text('#coupon-done')).toBe('Bon de Tom Leroy encaissé');
  });

  it('a check-in refusal names the youth', async () => {
    await offerRunningNow(region, {
      partnerId: await partnerId(),
      title: 'Stage de roller',
      places: 5,
      hoursLeft: 24,
    });
    const zoe = await region.admin.createBeneficiary({
      givenName: 'Zoé',
      familyName: 'Grand',
      birthDate: '2005-11-11',
    });
    await page.keyboard.press('F3');
    await page.getByLabel('Bon plan').selectOption({ label: 'Stage de roller' });
    await page
      .getByLabel('Scannez ou collez le QR code du participant')
      .fill(await region.admin.mintPass({ beneficiaryId: zoe.id }));
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[role="alert"]').getAttribute('data-code')).toBe('NOT_REGISTERED');
    expect(await text('[role="alert"]')).toBe("Zoé Grand : Ce jeune n'est pas inscrit à ce bon plan.");
    await expectAccessible(page, 'offers, refused');
  });

  it('journal dates are jj/mm/aaaa whatever the OS language, and a wrong one is said', async () => {
    await page.keyboard.press('F4');
    const from = page.getByLabel('Du', { exact: true });
    await poll(() => from.inputValue()).toBe(parisNow({ day: '2-digit', month: '2-digit', year: 'numeric' }));
    await from.fill('31/11/2026');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await text('.journal')).toContain('Date invalide : écrivez-la jj/mm/aaaa');
    await from.fill('1/1/2026');
    expect(await from.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Afficher (Entrée)' }).click();
    await poll(() => page.locator('.journal-table tbody tr').count()).toBe(1);
    // Totals for the partner's own categories only: a club with sport and cinema sees no Spectacle line.
    expect(
      await page.locator('.totals li').evaluateAll((lis) => lis.map((l) => l.getAttribute('data-category'))),
    ).toEqual(['CINEMA', 'SPORT']);
    expect(await text('.totals')).toContain('Pratique sportive : 1 paiement,');
    await expectAccessible(page, 'journal, dates');
  });

  it('months are named ("novembre 2026"), never 2026-11', async () => {
    await page.keyboard.press('F5');
    const month = page.locator('select[name="month"]');
    await poll(() => month.count()).toBe(1);
    const options = await month.locator('option').allTextContents();
    expect(options[0]).toBe(parisNow({ month: 'long', year: 'numeric' }));
    expect(options.filter((o) => /\d{4}-\d{2}/.test(o))).toEqual([]);
    await expectAccessible(page, 'closures, months');
  });

  it('"Langue" sits under its own heading, not under the readers', async () => {
    await page.keyboard.press('F6');
    await poll(() => page.locator('select[name="language"]').count()).toBe(1);
    const headingOf = (selector: string) =>
      page.locator(selector).evaluate((el) => {
        const headings = [...document.querySelectorAll('h2, h3')];
        const before = headings.filter(
          (h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        return before.at(-1)?.textContent ?? '';
      });
    expect(await headingOf('select[name="language"]')).toBe('Langue et sons');
    expect(await headingOf('select[name="webcam"]')).toBe('Lecteurs de QR code');
    await expectAccessible(page, 'settings, headings');
  });

  it('a manager whose name carries the role is not listed "(responsable) (responsable)"', async () => {
    await page.keyboard.press('F12');
    await poll(() => page.getByLabel('Code PIN', { exact: true }).count()).toBe(1);
    // The staff list arrives after the login screen: wait for it, not for a fixed time.
    await poll(() => page.getByLabel('Personne').locator('option').allTextContents()).toContain(
      'Marc Roy (responsable)',
    );
    const names = await page.getByLabel('Personne').locator('option').allTextContents();
    expect(names.filter((n) => /\(responsable\).*\(responsable\)/.test(n))).toEqual([]);
  });
});
