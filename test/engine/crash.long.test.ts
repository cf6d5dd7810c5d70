// The crash proof's long variant inside vitest: 200 kills. Run with
//   npx vitest run --config test/engine/vitest.long.config.ts
// (or `npm run proof:crash -- --kills 1000`); the 20-kill variant runs in every `npm test`
// (test/proofs/crash.e2e.test.ts). What is checked: test/proofs/crash-proof.ts.
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { runCrashProof } from '../proofs/crash-proof';

const region = regionForTests();

describe('a till killed at random instants, long run', () => {
  it('loses no acknowledged debit and duplicates none across 200 kills', async () => {
    const report = await runCrashProof(region, { kills: 200 });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ kills: 200, lost: 0, duplicated: 0 });
    expect(report.acknowledged).toBeGreaterThan(0);
  }, 3_600_000);
});
