// SIGKILL at random instants, 20 times: no acknowledged debit lost, none twice, the chain whole.
// The long variant (crash.long.test.ts, 200 kills) runs with test/engine/vitest.long.config.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { runCrashCampaign } from './crash-campaign';

let region: RegionHandle;

beforeAll(async () => {
  region = await startRegionServer();
});

afterAll(async () => {
  await region?.stop();
});

describe('a till killed at random instants', () => {
  it('loses no acknowledged debit and duplicates none across 20 kills', async () => {
    const report = await runCrashCampaign(region, 20);
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.ledgerDebits).toBeGreaterThanOrEqual(report.acknowledged);
  }, 180_000);
});
