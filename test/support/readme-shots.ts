// The README's screenshots are taken by the e2e flows that reach each screen, but only for `npm run
// screenshots`: `npm test` must leave the tracked docs/screenshots/*.png untouched (git status clean).
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOTS_ON = process.env.ATOUTS_SCREENSHOTS === '1';

export async function readmeShot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  if (!SCREENSHOTS_ON) return;
  await page.screenshot({
    path: join('docs', 'screenshots', `${name}.png`),
    fullPage: opts.fullPage ?? false,
  });
}
