// The crash proof's long variant: 200 kills. Run with
//   npx vitest run --config test/engine/vitest.long.config.ts
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

describe('a till killed at random instants, long run', () => {
  it('loses no acknowledged debit and duplicates none across 200 kills', async () => {
    const report = await runCrashCampaign(region, 200);
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(0);
  }, 3_600_000);
});
