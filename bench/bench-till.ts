// What the UI benches share: the reference Region, a served CINEMA till with the standard tariff (key 1),
// headless Chromium, and a pass for each youth the run will scan.
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/support/chromium';
import { startRegionServer, youthWithPass, type RegionHandle } from '../test/support/region-server';
import { startServedTill, type ServedTill } from '../test/support/served-till';
import { must } from '../test/support/till-calls';

export interface BenchTill {
  region: RegionHandle;
  served: ServedTill;
  browser: Browser;
  /** One fresh youth's pass each. */
  tokens: string[];
  stop(): Promise<void>;
}

export async function startBenchTill(name: string, youths: number): Promise<BenchTill> {
  const region = await startRegionServer();
  const served = await startServedTill(region, { name });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const stop = async () => {
    await browser.close();
    await served.stop();
    await region.stop();
  };
  try {
    await must(served.till, 'tariff.set', {
      tariffs: [{ id: 'plein', label: 'Plein', category: 'CINEMA', item: 'SEANCE', priceCents: 950 }],
    });
    const tokens: string[] = [];
    for (let i = 0; i < youths; i += 1) {
      const { token } = await youthWithPass(region, {
        givenName: 'Bench',
        familyName: `${name}${i}`,
        birthDate: '2006-01-01',
      });
      tokens.push(token);
    }
    return { region, served, browser, tokens, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
