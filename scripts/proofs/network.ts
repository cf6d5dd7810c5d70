// `npm run proof:network -- --debits 10000 [--seed N]`: the network proof's long variant against a fresh
// reference Region server. Prints the counts; exits 1 on any difference between ledger and journal.
import { parseArgs } from 'node:util';
import { runNetworkProof } from '../../test/proofs/network-proof';
import { startRegionServer } from '../../test/support/region-server';

const { values } = parseArgs({
  options: { debits: { type: 'string', default: '10000' }, seed: { type: 'string' } },
});
const debits = Number(values.debits);
const region = await startRegionServer();
try {
  const report = await runNetworkProof(region, {
    debits,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    onProgress: (n) => {
      if (n % 1000 === 0) process.stderr.write(`${n}/${debits}\n`);
    },
  });
  console.log(
    `debits attempted ${report.debits} in ${report.seconds.toFixed(0)} s, server restarts ${report.restarts}, scans refused by faults ${report.scanFailures}`,
  );
  console.log(
    `at the counter: ${Object.entries(report.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `after draining: ledger ${report.ledgerDebits}, journal accepted ${report.journalAccepted}, differences ${report.problems.length}`,
  );
  for (const p of report.problems.slice(0, 50)) console.log(`PROBLEM ${p}`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  await region.stop();
}
