// The power-cut proof's short variant (the long one: `npm run proof:power`). It needs LazyFS (built by
// scripts/proofs/build-lazyfs.sh from a LazyFS checkout, which this repository does not carry) and FUSE;
// where either is missing it is skipped and says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { findLazyFs, mountLazyFs, type LazyFs } from './lazyfs';
import { runPowerProof } from './power-proof';

const found = findLazyFs();
if (!('bin' in found)) console.warn(`power-cut proof skipped: ${found.missing}`);

let region: RegionHandle;
let fs: LazyFs;
const work = mkdtempSync(join(tmpdir(), 'atouts-power-test-'));

describe.skipIf(!('bin' in found))('power cuts on a filesystem that drops unsynced data', () => {
  beforeAll(async () => {
    if (!('bin' in found)) return;
    fs = await mountLazyFs(found.bin, work);
    region = await startRegionServer();
  });
  afterAll(async () => {
    await region?.stop();
    await fs?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('loses nothing acknowledged, and the till always starts with its device token readable', async () => {
    const report = await runPowerProof(region, fs, { enrolmentCuts: 2, saleCuts: 3 });
    expect(report.controlBytesAfterCut).toBe(0);
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect({ lost: report.lost, duplicated: report.duplicated }).toEqual({ lost: 0, duplicated: 0 });
  });
});
