// `npm run proof:crash -- --kills 1000 [--seed N]`: the crash proof's long variant against a fresh
// reference Region server. Prints progress, then `kills / lost / duplicated`; exits 1 on any problem.
import { parseArgs } from 'node:util';
import { runCrashProof } from '../../test/proofs/crash-proof';
import { startRegionServer } from '../../test/support/region-server';

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '1000' }, seed: { type: 'string' } },
});
const kills = Number(values.kills);
const region = await startRegionServer();
const started = Date.now();
try {
  const report = await runCrashProof(region, {
    kills,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    onKill: (k) => {
      if (k % 50 === 0)
        process.stderr.write(`${k}/${kills} kills, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  console.log(
    `seed ${report.seed}: ${report.acknowledged} acknowledged, ${report.ledgerDebits} in the ledger`,
  );
  console.log(`kills / lost / duplicated: ${report.kills} / ${report.lost} / ${report.duplicated}`);
  for (const p of report.problems.slice(0, 50)) console.log(`PROBLEM ${p}`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  await region.stop();
}
