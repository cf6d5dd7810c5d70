// Receipts at the counter, through the UI in headless Chromium against the real core and Region server:
// with automatic printing on a system printer the receipt opens and prints by itself after the sale, on a
// page the size of an 80 mm roll (the README's picture, taken by `npm run screenshots` only); on a network
// ESC/POS printer (the loopback fake printer) the receipt prints with no click and reads back right; a
// reprint from the receipt view prints again.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { fillSale, pastePass } from '../support/counter-steps';
import { readJob, startFakePrinter } from '../support/fake-printer';
import { readmeShot } from '../support/readme-shots';
import { useServedPage } from '../support/served-page';
import { must } from '../support/till-calls';

let printer: Awaited<ReturnType<typeof startFakePrinter>>;

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const world = useServedPage({
  name: 'Cinéma Le Café des Images',
  before: async ({ page }) => {
    printer = await startFakePrinter();
    await countPrints(page);
  },
});
const { region, served } = world;
/** The page the steps act on: the till's, or for one test a page standing for Electron's window. */
let page: Page = world.page;

/** window.print() counted instead of opening a dialog: headless Chromium has no printer. */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { printCalls: number; print: () => void };
    w.printCalls = 0;
    w.print = () => {
      w.printCalls += 1;
    };
  });
}

afterAll(() => printer?.close());

async function sell(givenName: string): Promise<void> {
  const youth = await region.admin.createBeneficiary({
    givenName,
    familyName: 'Martin',
    birthDate: '2007-03-14',
  });
  const token = await region.admin.mintPass({ beneficiaryId: youth.id });
  await page.keyboard.press('F1');
  await pastePass(page, token);
  await poll(() => page.locator('.holder').textContent()).toBe(`${givenName} Martin`);
  await fillSale(page, { price: '9,50', part: '7,00' });
  await page.getByLabel('Part Atouts (€)').press('Enter');
}

describe('a receipt after each sale', () => {
  it('on a system printer: opens and prints by itself, on an 80 mm page', async () => {
    await must(served.till, 'printer.configure', { kind: 'system', width: 80, autoPrint: true });
    await page.goto(served.host.url);
    await sell('Léa');
    await page.locator('article.receipt').waitFor();
    await poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
    expect(await page.locator('#receipt-page-size').textContent()).toBe(
      '@page { size: 80mm 297mm; margin: 2mm; }',
    );
    expect(await page.evaluate(() => document.documentElement.dataset['receiptWidth'])).toBe('80');
    // As the roll prints it: print media, a window 80 mm wide (96 px per inch).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: Math.round((80 / 25.4) * 96), height: 700 });
    const box = await page.locator('article.receipt').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(Math.round((80 / 25.4) * 96));
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    // The strip as long as the receipt.
    await page.setViewportSize({
      width: Math.round((80 / 25.4) * 96),
      height: Math.ceil(box!.y + box!.height + 12),
    });
    await readmeShot(page, 'receipt-80mm');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
    // A reprint is one click (Alt+I) away.
    await page.keyboard.press('Alt+i');
    await poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(2);
  });

  it('on a network ESC/POS printer: prints with no click, and reads back right', async () => {
    await must(served.till, 'printer.configure', {
      kind: 'network',
      host: printer.host,
      port: printer.port,
      width: 80,
      autoPrint: true,
    });
    await sell('Inès');
    await page.locator('[data-status="accepted"]').waitFor();
    await poll(() => printer.jobs.length).toBe(1);
    const job = readJob(printer.jobs[0]!.bytes);
    expect(job.lines).toEqual(
      expect.arrayContaining([
        'Cinéma Le Café des Images',
        'Bénéficiaire : Inès (I. M.)',
        'Caisse tenue par : Claire',
      ]),
    );
    expect(job.lines.find((l) => l.startsWith('Part Atouts'))).toMatch(/7,00 €$/);
    expect(job.codepages).toEqual(['cp858']);
    expect(job.cuts).toEqual(['full']);
    // The page itself printed nothing this time.
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(2);

    // A reprint from the journal: the sale's entry, "Réimprimer le ticket", then print.
    await page.keyboard.press('F4');
    await page.locator('input[name="search"]').fill('inès');
    await poll(() => page.locator('.journal-table tbody tr').count()).toBe(1);
    await page.locator('input[name="search"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: 'Réimprimer le ticket' }).click();
    await page.getByRole('dialog').locator('article.receipt').waitFor();
    await page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF (Alt+I)' }).click();
    await poll(() => printer.jobs.length).toBe(2);
    expect(readJob(printer.jobs[1]!.bytes).lines).toEqual(
      expect.arrayContaining(['Bénéficiaire : Inès (I. M.)']),
    );
  });

  it("in Electron, prints silently through the shell's broker on the chosen printer and roll", async () => {
    await must(served.till, 'printer.configure', {
      kind: 'system',
      deviceName: 'EPSON_TM_T20III',
      width: 58,
      autoPrint: true,
    });
    // What the Electron preload exposes (preload/preload.ts, tillShell), recording instead of printing.
    const electronPage = await page.context().newPage();
    await electronPage.addInitScript(() => {
      const w = window as unknown as {
        printCalls: number;
        print: () => void;
        shellPrints: unknown[];
        tillShell: unknown;
      };
      w.printCalls = 0;
      w.print = () => void (w.printCalls += 1);
      w.shellPrints = [];
      w.tillShell = {
        print: async (options: unknown) => (w.shellPrints.push(options), { ok: true }),
        printers: async () => [{ name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III' }],
        updateState: async () => ({ status: 'ready', version: '0.2.0' }),
      };
    });
    const previous = page;
    page = electronPage;
    try {
      await page.goto(served.host.url);
      await sell('Noé');
      await page.locator('article.receipt').waitFor();
      await poll(() =>
        page.evaluate(() => (window as unknown as { shellPrints: unknown[] }).shellPrints),
      ).toEqual([{ deviceName: 'EPSON_TM_T20III', widthMm: 58 }]);
      expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(0);
      expect(await page.locator('#receipt-page-size').textContent()).toBe(
        '@page { size: 58mm 297mm; margin: 2mm; }',
      );
      await page.getByRole('status').filter({ hasText: 'Ticket imprimé.' }).waitFor();
      // Réglages lists the shell's printers, and À propos the updater's state.
      await page.keyboard.press('F6');
      const printers = page.locator('section[aria-labelledby="printer-title"] select').nth(1);
      await printers.locator('option').nth(1).waitFor({ state: 'attached' });
      expect(await printers.locator('option').allTextContents()).toEqual([
        'Imprimante par défaut',
        'EPSON TM-T20III',
      ]);
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('button', { name: 'À propos' })
        .click();
      expect(await page.locator('[data-update]').textContent()).toContain('version 0.2.0 prête');
    } finally {
      page = previous;
      await electronPage.close();
    }
  });
});
