// The load proof's short variant: 20 tills in 20 processes, 20 s at a combined 20 debits/s. The long one
// (5 minutes at 100/s) is `npm run proof:load`. See test/proofs/load-proof.ts.
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { runLoadProof } from './load-proof';

const region = regionForTests();

describe('load proof (short)', () => {
  it('20 tills, 20 s at 20 debits/s: every debit accepted, none twice, each journal equals its ledger', async () => {
    const report = await runLoadProof(region, { tills: 20, perSecond: 20, seconds: 20 });
    console.log(
      `load: ${report.debits} debits, ${report.achievedPerSecond.toFixed(1)}/s, p50 ${report.p50Ms.toFixed(1)} ms, p99 ${report.p99Ms.toFixed(1)} ms`,
    );
    expect(report.problems).toEqual([]);
    expect(report.debits).toBe(400);
    expect(report.outcomes).toEqual({ accepted: 400 });
    expect(report.duplicates).toBe(0);
  }, 600_000);
});
