// The crash proof's short variant (20 SIGKILLs at random instants); the long one is
// `npm run proof:crash -- --kills 1000`. See test/proofs/crash-proof.ts for what is checked.
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { runCrashProof } from './crash-proof';

const region = regionForTests();

describe('crash proof (short)', () => {
  it('20 kills: no acknowledged debit lost or duplicated, integrity_check ok, no gap', async () => {
    const report = await runCrashProof(region, { kills: 20 });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ kills: 20, lost: 0, duplicated: 0 });
    expect(report.acknowledged).toBeGreaterThan(0);
  }, 300_000);
});
