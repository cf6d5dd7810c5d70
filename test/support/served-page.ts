// An end-to-end test's world for a screen of the till: the reference Region server, the real core served in
// browser mode in this process (served-till.ts: a CINEMA partner enrolled, its manager logged in), headless
// Chromium with a counter-sized page, the page's text printed when a step fails, and everything stopped after.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumLaunchOptions } from './chromium';
import { startRegionServer, type RegionHandle } from './region-server';
import { startServedTill, type ServedTill } from './served-till';
import { newTillPage, printPageOnFailure } from './ui-page';

export interface ServedPage {
  region: RegionHandle;
  served: ServedTill;
  browser: Browser;
  page: Page;
}

/** Registers the suite's beforeAll/afterAll; the returned object is filled once beforeAll has run. */
export function useServedPage(opts: {
  name: string;
  before?: (world: ServedPage) => Promise<void>;
}): ServedPage {
  const world = {} as ServedPage;
  beforeAll(async () => {
    world.region = await startRegionServer();
    world.served = await startServedTill(world.region, { name: opts.name });
    world.browser = await chromium.launch(chromiumLaunchOptions());
    world.page = await newTillPage(world.browser);
    await opts.before?.(world);
  }, 120_000);
  printPageOnFailure(() => world.page);
  afterAll(async () => {
    await world.browser?.close();
    await world.served?.stop();
    await world.region?.stop();
  });
  return world;
}
