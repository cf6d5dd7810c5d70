// An end-to-end test's world for a screen of the till: the reference Region server, the real core served in
// browser mode in this process (served-till.ts: a CINEMA partner enrolled, its manager logged in), headless
// Chromium with a counter-sized page, the page's text printed when a step fails, and everything stopped after.
import { beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { regionForTests } from './region-for-tests';
import type { RegionHandle } from './region-server';
import type { ServedTill } from './served-till';
import { servedTillForTests } from './till-for-tests';
import { browserForTests, pageForTests, printPageOnFailure } from './ui-page';

export interface ServedPage {
  region: RegionHandle;
  served: ServedTill;
  browser: Browser;
  page: Page;
}

/**
 * Registers the suite's beforeAll/afterAll; the members of the returned object stand for what beforeAll
 * makes. A test may put another page in `page` (a renderer reloaded after a crash).
 */
export function useServedPage(opts: {
  name: string;
  before?: (world: ServedPage) => Promise<void>;
}): ServedPage {
  const region = regionForTests();
  const served = servedTillForTests(region, { name: opts.name });
  const browser = browserForTests();
  const world: ServedPage = { region, served, browser, page: pageForTests(browser) };
  const { before } = opts;
  if (before) beforeAll(() => before(world), 120_000);
  printPageOnFailure(() => world.page);
  return world;
}
