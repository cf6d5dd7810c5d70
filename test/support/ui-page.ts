// What every browser test of the till's screens needs around its steps: headless Chromium for the file, a
// page as a counter sees it (a till-sized window, a language and a time zone), the axe-core check (serious
// and critical findings fail), and the page's text in the output when a step fails.
import { afterEach, expect } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium';
import { madeBeforeAll } from './made-before-all';

export interface TillPageOptions {
  locale?: string;
  timezoneId?: string;
  width?: number;
  height?: number;
}

/** Headless Chromium for a test file's tests: launched before them, closed after them. */
export function browserForTests(): Browser {
  return madeBeforeAll(
    'the browser',
    () => chromium.launch(chromiumLaunchOptions()),
    (browser) => browser.close(),
  );
}

/** One till page for all of a file's tests, opened once its browser runs (and closed with it). */
export function pageForTests(browser: Browser, opts: TillPageOptions = {}): Page {
  return madeBeforeAll('the page', () => newTillPage(browser, opts));
}

/** A page from an explicit context (axe-core's Playwright runner needs one). */
export async function newTillPage(browser: Browser, opts: TillPageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    locale: opts.locale ?? 'fr-FR',
    timezoneId: opts.timezoneId ?? 'Europe/Paris',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** After a failed test, what the page showed, to read in the output. */
export function printPageOnFailure(page: () => Page | undefined): void {
  afterEach(async (ctx) => {
    const p = page();
    if (ctx.task.result?.state === 'fail' && p)
      console.error(`page at failure of "${ctx.task.name}":\n${await p.locator('body').innerText()}`);
  });
}
