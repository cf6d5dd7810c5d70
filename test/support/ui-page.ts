// What every browser test of the till's screens needs around its steps: a page as a counter sees it (a
// till-sized window, a language and a time zone), the axe-core check (serious and critical findings fail),
// and the page's text in the output when a step fails.
import { afterEach, expect } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';

/** A page from an explicit context (axe-core's Playwright runner needs one). */
export async function newTillPage(
  browser: Browser,
  opts: { locale?: string; timezoneId?: string; width?: number; height?: number } = {},
): Promise<Page> {
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
