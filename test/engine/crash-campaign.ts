// The crash proof, shared by the normal suite (20 kills) and the long variant (200): a child process
// makes debits through the real core and is killed with SIGKILL at random instants. After each kill the
// journal must verify, with no gap; at the end, once the outbox has drained, every debit the child
// acknowledged is in the Region's ledger exactly once and the ledger equals the journal.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTill } from '../../main/core/till';
import { openJournal } from '../../main/journal/journal';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import type { RegionHandle } from '../support/region-server';
import { makeTempDir } from '../support/tmp';
import { ledgerDifferences } from './ledger-match';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DRIVER = join(ROOT, 'test', 'engine', 'crash-driver.ts');
const PIN = '1357';

export interface CampaignReport {
  kills: number;
  acknowledged: number;
  ledgerDebits: number;
  problems: string[];
}

/** A deterministic PRNG, so a failing campaign can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The driver bundled once into plain JavaScript: the same code `node --import tsx crash-driver.ts` runs,
 * without compiling it again at each of the hundreds of starts (seconds each on a busy two-core machine).
 * It lives under node_modules so that the native better-sqlite3 it leaves external resolves.
 */
async function bundleDriver(): Promise<string> {
  const dir = join(ROOT, 'node_modules', '.cache', 'atouts-engine');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `crash-driver-${process.pid}.mjs`);
  await build({
    entryPoints: [DRIVER],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'node-hid', 'usb'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
}

function runUntilKilled(driver: string, args: string[], delayAfterReadyMs: number, acked: Set<string>): Promise<void> {
  const child = spawn(process.execPath, [driver, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    lines.on('line', (line) => {
      if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), delayAfterReadyMs);
      const m = /^ACK (\S+)$/.exec(line);
      if (m?.[1]) acked.add(m[1]);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the driver exited by itself (${code ?? signal}):\n${stderr}`));
    });
  });
}

export async function runCrashCampaign(region: RegionHandle, kills: number, seed = Date.now() & 0xffff): Promise<CampaignReport> {
  const random = mulberry32(seed);
  const tmp = makeTempDir('crash');
  const dataDir = join(tmp.dir, 'data');
  const keyFile = join(tmp.dir, 'key');
  const problems: string[] = [];
  let driver: string | null = null;
  try {
    const partner = await region.admin.createPartner({ name: 'Cinéma Crash', siret: '12345678900011', accreditations: ['CINEMA'] });
    const setup = createTill({ dataDir, cipher: fileKeyCipher(keyFile) });
    const enrolled = await setup.dispatch('till.enroll', { regionUrl: region.url, partnerId: partner.id, activationCode: partner.activationCode, deviceName: 'Crash', managerName: 'Crash', managerPin: PIN });
    setup.close();
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    // Some answers lost after the Region committed: kills then land while debits are pending, too.
    await region.admin.setFaults({ dropAfterCommitRate: 0.15 });

    const acked = new Set<string>();
    driver = await bundleDriver();
    const args = ['--data', dataDir, '--key', keyFile, '--admin-url', region.url, '--admin-key', region.adminKey, '--pin', PIN];
    for (let k = 0; k < kills; k += 1) {
      await runUntilKilled(driver!, args, Math.floor(random() * 700), acked);
      const journal = openJournal(join(dataDir, 'journal.sqlite'), { readOnly: true });
      try {
        const verdict = journal.verify();
        if (!verdict.ok) problems.push(`after kill ${k + 1}: entry ${verdict.seq} ${verdict.problem} (${verdict.detail})`);
        else if (verdict.count !== verdict.head.seq) problems.push(`after kill ${k + 1}: ${verdict.count} entries up to seq ${verdict.head.seq}`);
      } finally {
        journal.close();
      }
      if (problems.length > 0) break;
    }

    await region.admin.setFaults({});
    const till = createTill({ dataDir, cipher: fileKeyCipher(keyFile), outbox: { backoff: { baseMs: 10, maxMs: 100 }, idleMs: 60_000 } });
    try {
      const left = await till.outbox.drain({ timeoutMs: 30_000, maxPauseMs: 50 });
      if (left > 0) problems.push(`${left} still awaiting the Region after draining`);
      const ledger = (await region.admin.ledger()).filter((d) => d.partnerId === partner.id);
      for (const id of acked) {
        const n = ledger.filter((d) => d.id === id && d.status === 'accepted').length;
        if (n !== 1) problems.push(`acknowledged ${id} is in the ledger ${n} times`);
      }
      problems.push(...ledgerDifferences(till.journal, ledger));
      const verdict = till.journal.verify();
      if (!verdict.ok) problems.push(`final journal: entry ${verdict.seq} ${verdict.problem}`);
      return { kills, acknowledged: acked.size, ledgerDebits: ledger.length, problems: problems.map((p) => `[seed ${seed}] ${p}`) };
    } finally {
      till.close();
    }
  } finally {
    tmp.remove();
    if (driver) rmSync(driver, { force: true });
  }
}
