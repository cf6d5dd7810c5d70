// `npm run proof:power -- [--cuts 30] [--enrolment-cuts 10] [--seed N]`: power cuts under a till whose
// data folder and key file sit on LazyFS (test/proofs/power-proof.ts). Needs LazyFS built by
// scripts/proofs/build-lazyfs.sh and FUSE; says plainly when there is no such filesystem here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findLazyFs, mountLazyFs } from '../../test/proofs/lazyfs';
import { runPowerProof } from '../../test/proofs/power-proof';
import { startRegionServer } from '../../test/support/region-server';

const { values } = parseArgs({
  options: {
    cuts: { type: 'string', default: '30' },
    'enrolment-cuts': { type: 'string', default: '10' },
    seed: { type: 'string' },
  },
});
const found = findLazyFs();
if (!('bin' in found)) {
  console.log(`proof:power NOT RUN: no fault-injecting filesystem here: ${found.missing}.`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'atouts-power-'));
const fs = await mountLazyFs(found.bin, work);
const region = await startRegionServer();
const started = Date.now();
try {
  const report = await runPowerProof(region, fs, {
    saleCuts: Number(values.cuts),
    enrolmentCuts: Number(values['enrolment-cuts']),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    onCut: (done, total) => {
      if (done % 5 === 0 || done === total)
        process.stderr.write(`${done}/${total} cuts, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  console.log(
    `LazyFS drops unsynced data: a bare write had ${report.controlBytesAfterCut} bytes left after a cut (0 expected)`,
  );
  console.log(
    `seed ${report.seed}: ${report.enrolmentCuts} cuts right after enrolment, ${report.saleCuts} cuts during sales`,
  );
  console.log(`${report.acknowledged} acknowledged debits, ${report.ledgerDebits} in the ledger`);
  if (report.shmRetries > 0)
    console.log(
      `(${report.shmRetries} journal re-opens retried after LazyFS's SQLITE_IOERR_SHMOPEN on a fresh -shm)`,
    );
  console.log(
    `cuts / lost / duplicated: ${report.enrolmentCuts + report.saleCuts} / ${report.lost} / ${report.duplicated}`,
  );
  for (const p of report.problems.slice(0, 50)) console.log(`PROBLEM ${p}`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  await region.stop();
  await fs.stop();
  rmSync(work, { recursive: true, force: true });
}
