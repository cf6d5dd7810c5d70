// The power-cut proof: the till's data folder and key file sit on LazyFS, which drops every byte not
// fsynced when told to, as a power cut does. It first checks that the filesystem really drops data (a
// bare write must come back empty), then:
// - enrolment cuts: a till enrols and the power goes right after; the till must start again with its
//   device token readable (the key file was written durably) and its journal verifying;
// - sale cuts: the engine's driver (test/engine/crash-driver.ts) takes debits and is killed at a random
//   instant, then everything unsynced is dropped; the journal must pass integrity_check, verify and have
//   no gap, and the till must start again (the driver's next life) without a crash.
// At the end the outbox drains and each acknowledged debit is in the Region's ledger exactly once, the
// ledger equal to the journal.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTill } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import type { RegionHandle } from '../support/region-server';
import { bundleDriver, ROOT } from './bundle';
import { seededRandom } from '../../scripts/fixtures/seeded-random';
import {
  checkJournal,
  drainAndTally,
  driverArgs,
  enrolAndClose,
  runUntilKilled,
  type Tally,
} from './crash-proof';
import type { LazyFs } from './lazyfs';

const DRIVER = join(ROOT, 'test', 'engine', 'crash-driver.ts');
const PIN = '135791';

export interface PowerReport extends Tally {
  seed: number;
  /** Bytes a bare, unsynced write still had after a cut (must be 0: else the filesystem proves nothing). */
  controlBytesAfterCut: number;
  /** Re-opens the checker retried after LazyFS's SQLITE_IOERR_SHMOPEN (see withShmRetry). */
  shmRetries: number;
  enrolmentCuts: number;
  saleCuts: number;
}

/**
 * LazyFS sometimes fails the `-shm` of a connection opened right after another one closed (SQLite unlinks
 * the `-shm` at the last close and makes a new one at the next open): SQLITE_IOERR_SHMOPEN. Bare SQLite
 * does it too on LazyFS (3 opens in 300 in a loop of open, insert, close), an ordinary disk never: so the check, and the
 * driver's start, try again and the report counts how often.
 */
const shmRetries = { count: 0 };

function withShmRetry<T>(open: () => T): T {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return open();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_IOERR_SHMOPEN' || attempt >= 5) throw error;
      shmRetries.count += 1;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** After a cut: the till opens, its token opens, its journal verifies. */
function checkRestart(dataDir: string, keyFile: string): string[] {
  const problems: string[] = [];
  try {
    const till = withShmRetry(() => createTill({ dataDir, cipher: fileKeyCipher(keyFile) }));
    try {
      const status = till.status();
      if (status.deviceSecret !== 'ok')
        problems.push(`device token ${status.deviceSecret} (key file ${statSync(keyFile).size} bytes)`);
    } finally {
      till.close();
    }
  } catch (error) {
    problems.push(`the till does not start: ${String(error)}`);
  }
  try {
    return [
      ...problems,
      ...withShmRetry(() => checkJournal(join(dataDir, 'journal.sqlite'), { readOnly: false })),
    ];
  } catch (error) {
    return [...problems, `the journal does not open: ${String(error)}`];
  }
}

export async function runPowerProof(
  region: RegionHandle,
  fs: LazyFs,
  opts: {
    enrolmentCuts: number;
    saleCuts: number;
    seed?: number;
    onCut?: (done: number, total: number) => void;
  },
): Promise<PowerReport> {
  const seed = opts.seed ?? Date.now() & 0xffff;
  const random = seededRandom(seed);
  const problems: string[] = [];
  const total = opts.enrolmentCuts + opts.saleCuts;

  const control = join(fs.mountDir, 'control.txt');
  writeFileSync(control, 'x'.repeat(4096));
  await fs.cut();
  const controlBytesAfterCut = statSync(control).size;
  if (controlBytesAfterCut !== 0)
    problems.push(
      `the filesystem kept ${controlBytesAfterCut} unsynced bytes after a cut: this run proves nothing`,
    );

  for (let e = 0; e < opts.enrolmentCuts; e += 1) {
    const dir = join(fs.mountDir, `enrolment-${e}`);
    await enrolAndClose(region, {
      dataDir: join(dir, 'data'),
      keyFile: join(dir, 'key'),
      name: `Cinéma Coupure ${e}`,
      pin: PIN,
    });
    await fs.cut();
    for (const p of checkRestart(join(dir, 'data'), join(dir, 'key')))
      problems.push(`enrolment cut ${e + 1}: ${p}`);
    opts.onCut?.(e + 1, total);
  }

  const dataDir = join(fs.mountDir, 'till', 'data');
  const keyFile = join(fs.mountDir, 'till', 'key');
  const partnerId = await enrolAndClose(region, { dataDir, keyFile, name: 'Cinéma Secteur', pin: PIN });
  await fs.cut();
  const driver = await bundleDriver(DRIVER);
  const acked = new Set<string>();
  try {
    // Some answers lost after the Region committed: cuts then land while debits are pending, too.
    await region.admin.setFaults({ dropAfterCommitRate: 0.15 });
    const args = driverArgs(region, { dataDir, keyFile, pin: PIN });
    for (let k = 0; k < opts.saleCuts; k += 1) {
      const delay = Math.floor(random() * 700);
      for (let attempt = 0; ; attempt += 1) {
        try {
          await runUntilKilled(driver.file, args, delay, acked);
          break;
        } catch (error) {
          // The driver's till could not open its journal's fresh -shm on LazyFS (see withShmRetry).
          if (/SQLITE_IOERR_SHMOPEN/.test(String(error)) && attempt < 5) {
            shmRetries.count += 1;
            continue;
          }
          problems.push(`sale cut ${k + 1}: ${String(error).slice(0, 400)}`);
          break;
        }
      }
      await fs.cut();
      for (const p of checkRestart(dataDir, keyFile)) problems.push(`sale cut ${k + 1}: ${p}`);
      opts.onCut?.(opts.enrolmentCuts + k + 1, total);
    }
    await region.admin.setFaults({});
    let tally: Tally | null = null;
    for (let attempt = 0; tally === null; attempt += 1) {
      try {
        tally = await drainAndTally(region, { dataDir, keyFile, partnerId, acked });
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_IOERR_SHMOPEN' || attempt >= 5) throw error;
        shmRetries.count += 1;
      }
    }
    const { problems: atTheEnd, ...figures } = tally;
    return {
      seed,
      controlBytesAfterCut,
      shmRetries: shmRetries.count,
      enrolmentCuts: opts.enrolmentCuts,
      saleCuts: opts.saleCuts,
      ...figures,
      problems: [...problems, ...atTheEnd],
    };
  } finally {
    driver.remove();
  }
}
