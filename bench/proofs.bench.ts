// Figures of the proofs that the other benches do not measure: the load proof's latency with twenty tills
// in twenty processes against one Region server, beside the achieved rate (the ratio to the target rate
// says whether the machine kept up, which the latency alone would hide).
import type { Figure } from './figure';
import { runLoadProof } from '../test/proofs/load-proof';
import { startRegionServer } from '../test/support/region-server';

export default async function run(ctx: { quick: boolean }): Promise<Figure[]> {
  // The proof's own target rate (100/s combined); its long variant holds it for five minutes.
  const perSecond = ctx.quick ? 20 : 100;
  const seconds = ctx.quick ? 8 : 30;
  const region = await startRegionServer();
  try {
    const report = await runLoadProof(region, { tills: 20, perSecond, seconds });
    if (report.problems.length > 0)
      throw new Error(`load proof failed: ${report.problems.slice(0, 3).join('; ')}`);
    return [
      { name: 'load.tills', value: report.tills, unit: 'processes' },
      { name: 'load.debit_p50_ms', value: report.p50Ms, unit: 'ms' },
      { name: 'load.debit_p99_ms', value: report.p99Ms, unit: 'ms' },
      {
        name: 'load.achieved_vs_target_rate',
        value: report.achievedPerSecond / perSecond,
        unit: 'ratio',
        target: '>=0.9',
      },
    ];
  } finally {
    await region.stop();
  }
}
