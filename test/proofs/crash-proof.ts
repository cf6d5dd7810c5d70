// The crash proof with its figures: the engine's driver (test/engine/crash-driver.ts: debits through the
// real core, `ACK <id>` once the Region's acceptance is in the journal) killed with SIGKILL at random
// instants. After every kill the journal passes `PRAGMA integrity_check`, verifies, and has no sequence
// gap; at the end, once the outbox has drained, each acknowledged debit is in the Region's ledger exactly
// once and the ledger equals the journal. Counts lost and duplicated debits rather than stopping at the
// first problem, so the long run prints `kills / lost / duplicated`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { createTill } from '../../main/core/till';
import { openJournal } from '../../main/journal/journal';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { seededRandom } from '../../scripts/fixtures/seeded-random';
import { ledgerDifferences } from '../engine/ledger-match';
import type { RegionHandle } from '../support/region-server';
import { enrol } from '../support/till-calls';
import { makeTempDir } from '../support/tmp';
import { bundleDriver, ROOT } from './bundle';

const DRIVER = join(ROOT, 'test', 'engine', 'crash-driver.ts');
const PIN = '1357';

/** What the end of a run finds (drainAndTally): debits acknowledged, lost, duplicated, and the problems. */
export interface Tally {
  acknowledged: number;
  lost: number;
  duplicated: number;
  ledgerDebits: number;
  problems: string[];
}

export interface CrashReport extends Tally {
  seed: number;
  kills: number;
}

/** A new CINEMA partner, and a till enrolled for it in that data folder and closed: its partner id. */
export async function enrolAndClose(
  region: RegionHandle,
  till: { dataDir: string; keyFile: string; name: string; pin: string },
): Promise<string> {
  const setup = createTill({ dataDir: till.dataDir, cipher: fileKeyCipher(till.keyFile) });
  try {
    const { partnerId } = await enrol(setup, region, {
      partnerName: till.name,
      deviceName: till.name,
      pin: till.pin,
    });
    return partnerId;
  } finally {
    setup.close();
  }
}

/** The driver's command line: the till's files, the Region's admin access (to mint passes) and the PIN. */
export function driverArgs(
  region: RegionHandle,
  till: { dataDir: string; keyFile: string; pin: string },
): string[] {
  return [
    '--data',
    till.dataDir,
    '--key',
    till.keyFile,
    '--admin-url',
    region.url,
    '--admin-key',
    region.adminKey,
    '--pin',
    till.pin,
  ];
}

export function runUntilKilled(
  driver: string,
  args: string[],
  delayAfterReadyMs: number,
  acked: Set<string>,
): Promise<void> {
  const child = spawn(process.execPath, [driver, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
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

/**
 * One journal check after a kill: SQLite's own integrity check, the chain, and no gap in the sequence.
 * After a power cut (LazyFS) the `-shm` index is gone too, and only a read-write connection rebuilds it,
 * as the till's own does: `readOnly: false` there.
 */
export function checkJournal(path: string, opts: { readOnly?: boolean } = {}): string[] {
  const readOnly = opts.readOnly ?? true;
  const problems: string[] = [];
  const db = new Database(path, { readonly: readOnly });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  } finally {
    db.close();
  }
  const journal = openJournal(path, { readOnly });
  try {
    const verdict = journal.verify();
    if (!verdict.ok) problems.push(`entry ${verdict.seq} ${verdict.problem} (${verdict.detail})`);
    else if (verdict.count !== verdict.head.seq)
      problems.push(`${verdict.count} entries up to seq ${verdict.head.seq}: a gap`);
  } finally {
    journal.close();
  }
  return problems;
}

export async function runCrashProof(
  region: RegionHandle,
  opts: { kills: number; seed?: number; onKill?: (k: number) => void },
): Promise<CrashReport> {
  const seed = opts.seed ?? Date.now() & 0xffff;
  const random = seededRandom(seed);
  const tmp = makeTempDir('crash-proof');
  const dataDir = join(tmp.dir, 'data');
  const keyFile = join(tmp.dir, 'key');
  const journalPath = join(dataDir, 'journal.sqlite');
  const problems: string[] = [];
  const driver = await bundleDriver(DRIVER);
  try {
    const partnerId = await enrolAndClose(region, { dataDir, keyFile, name: 'Cinéma Crash', pin: PIN });
    // Some answers lost after the Region committed: kills then land while debits are pending, too.
    await region.admin.setFaults({ dropAfterCommitRate: 0.15 });
    const acked = new Set<string>();
    const args = driverArgs(region, { dataDir, keyFile, pin: PIN });
    for (let k = 0; k < opts.kills; k += 1) {
      await runUntilKilled(driver.file, args, Math.floor(random() * 700), acked);
      for (const p of checkJournal(journalPath)) problems.push(`after kill ${k + 1}: ${p}`);
      opts.onKill?.(k + 1);
    }
    await region.admin.setFaults({});
    const { problems: atTheEnd, ...tally } = await drainAndTally(region, {
      dataDir,
      keyFile,
      partnerId,
      acked,
    });
    return { seed, kills: opts.kills, ...tally, problems: [...problems, ...atTheEnd] };
  } finally {
    driver.remove();
    tmp.remove();
  }
}

/**
 * The end of a run: the till drains its outbox, then every acknowledged debit must be in the Region's
 * ledger exactly once, and the ledger must equal the journal, which must still verify.
 */
export async function drainAndTally(
  region: RegionHandle,
  run: { dataDir: string; keyFile: string; partnerId: string; acked: ReadonlySet<string> },
): Promise<Tally> {
  const problems: string[] = [];
  const till = createTill({
    dataDir: run.dataDir,
    cipher: fileKeyCipher(run.keyFile),
    outbox: { backoff: { baseMs: 10, maxMs: 100 }, idleMs: 60_000 },
  });
  let lost = 0;
  let duplicated = 0;
  let ledgerDebits = 0;
  try {
    const left = await till.outbox.drain({ timeoutMs: 60_000, maxPauseMs: 50 });
    if (left > 0) problems.push(`${left} still awaiting the Region after draining`);
    const ledger = (await region.admin.ledger()).filter((d) => d.partnerId === run.partnerId);
    ledgerDebits = ledger.length;
    const count = new Map<string, number>();
    for (const d of ledger) if (d.status === 'accepted') count.set(d.id, (count.get(d.id) ?? 0) + 1);
    for (const id of run.acked) {
      const n = count.get(id) ?? 0;
      if (n === 0) lost += 1;
      if (n > 1) duplicated += n - 1;
    }
    // A debit recorded twice under two ids would show as two ledger lines with one device sequence.
    const seqs = new Map<number, number>();
    for (const d of ledger) seqs.set(d.deviceSeq, (seqs.get(d.deviceSeq) ?? 0) + 1);
    for (const n of seqs.values()) if (n > 1) duplicated += n - 1;
    problems.push(...ledgerDifferences(till.journal, ledger));
  } finally {
    till.close();
  }
  problems.push(...checkJournal(join(run.dataDir, 'journal.sqlite')).map((p) => `final: ${p}`));
  if (lost > 0) problems.push(`${lost} acknowledged debits lost`);
  if (duplicated > 0) problems.push(`${duplicated} debits duplicated`);
  return { acknowledged: run.acked.size, lost, duplicated, ledgerDebits, problems };
}
