// `npm run proof:load [-- --tills 20 --rate 100 --seconds 300]`: the load proof's long variant against a
// fresh reference Region server. Prints the counts and the p50/p99 latency; exits 1 on any problem.
import { parseArgs } from 'node:util';
import { runLoadProof } from '../../test/proofs/load-proof';
import { startRegionServer } from '../../test/support/region-server';

const { values } = parseArgs({
  options: {
    tills: { type: 'string', default: '20' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '300' },
  },
});
const region = await startRegionServer();
try {
  const report = await runLoadProof(region, {
    tills: Number(values.tills),
    perSecond: Number(values.rate),
    seconds: Number(values.seconds),
  });
  console.log(
    `${report.tills} tills, target ${report.targetPerSecond}/s for ${values.seconds} s: ${report.debits} debits, achieved ${report.achievedPerSecond.toFixed(1)}/s`,
  );
  console.log(
    `outcomes: ${Object.entries(report.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; duplicates ${report.duplicates}`,
  );
  console.log(
    `latency (scan to answer): p50 ${report.p50Ms.toFixed(1)} ms, p99 ${report.p99Ms.toFixed(1)} ms`,
  );
  for (const p of report.problems.slice(0, 50)) console.log(`PROBLEM ${p}`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  await region.stop();
}
