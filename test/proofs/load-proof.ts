// The load proof: N tills (separate processes, separate journals, one partner each) against one reference
// Region server at a combined rate for a set time. No debit may end other than accepted, none may be in
// the ledger twice, each till's journal must equal its partner's ledger; the latency of a debit (scan to
// the Region's answer, as the cashier waits for it) is reported as p50/p99.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createTill } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { percentile } from '../../bench/figure';
import { ledgerDifferences } from '../engine/ledger-match';
import type { RegionHandle } from '../support/region-server';
import { makeTempDir } from '../support/tmp';
import { bundleDriver, ROOT } from './bundle';

export interface LoadReport {
  tills: number;
  targetPerSecond: number;
  seconds: number;
  debits: number;
  achievedPerSecond: number;
  outcomes: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  duplicates: number;
  problems: string[];
}

interface ChildResult {
  latencies: number[];
  outcomes: Record<string, number>;
  left: number;
  seconds: number;
}

function runChild(driver: string, args: string[], onReady: (go: () => void) => void): Promise<ChildResult> {
  const child = spawn(process.execPath, [driver, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let result: ChildResult | null = null;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'READY') onReady(() => child.stdin.write('GO\n'));
      if (line.startsWith('RESULT ')) result = JSON.parse(line.slice('RESULT '.length)) as ChildResult;
    });
    child.once('exit', (code) => {
      if (code === 0 && result) resolve(result);
      else reject(new Error(`a till of the load proof failed (${code}):\n${stderr}`));
    });
  });
}

export async function runLoadProof(
  region: RegionHandle,
  opts: { tills: number; perSecond: number; seconds: number },
): Promise<LoadReport> {
  const tmp = makeTempDir('load');
  const driver = await bundleDriver(join(ROOT, 'test', 'proofs', 'load-child.ts'));
  const problems: string[] = [];
  try {
    const tills = await Promise.all(
      Array.from({ length: opts.tills }, async (_, i) => {
        const partner = await region.admin.createPartner({
          name: `Cinéma ${i + 1}`,
          siret: String(10_000_000_000_000 + i),
          accreditations: ['CINEMA'],
        });
        return {
          partner,
          dataDir: join(tmp.dir, `till-${i}`, 'data'),
          keyFile: join(tmp.dir, `till-${i}`, 'key'),
        };
      }),
    );
    const rate = opts.perSecond / opts.tills;
    const waiting: (() => void)[] = [];
    let ready = 0;
    const results = await Promise.all(
      tills.map((t) =>
        runChild(
          driver.file,
          [
            '--data',
            t.dataDir,
            '--key',
            t.keyFile,
            '--region-url',
            region.url,
            '--admin-key',
            region.adminKey,
            '--partner',
            t.partner.id,
            '--activation',
            t.partner.activationCode,
            '--rate',
            String(rate),
            '--seconds',
            String(opts.seconds),
          ],
          (go) => {
            ready += 1;
            waiting.push(go);
            // Measured only once all are up: twenty starting processes would skew the first seconds.
            if (waiting.length === opts.tills) for (const start of waiting) start();
          },
        ),
      ),
    );
    if (ready !== opts.tills) problems.push(`${opts.tills - ready} tills never got ready`);
    const latencies = results.flatMap((r) => r.latencies);
    const outcomes: Record<string, number> = {};
    for (const r of results)
      for (const [k, v] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
    for (const [k, v] of Object.entries(outcomes))
      if (k !== 'accepted') problems.push(`${v} debits ended ${k}`);
    for (const [i, r] of results.entries())
      if (r.left > 0) problems.push(`till ${i + 1}: ${r.left} left awaiting the Region`);

    const ledger = await region.admin.ledger();
    const ids = new Set<string>();
    let duplicates = 0;
    for (const d of ledger) {
      if (ids.has(d.id)) duplicates += 1;
      ids.add(d.id);
    }
    for (const t of tills) {
      const till = createTill({ dataDir: t.dataDir, cipher: fileKeyCipher(t.keyFile) });
      try {
        problems.push(
          ...ledgerDifferences(
            till.journal,
            ledger.filter((d) => d.partnerId === t.partner.id),
          ).map((p) => `${t.partner.id}: ${p}`),
        );
        const verdict = till.journal.verify();
        if (!verdict.ok) problems.push(`${t.partner.id}: journal entry ${verdict.seq} ${verdict.problem}`);
      } finally {
        till.close();
      }
    }
    if (duplicates > 0) problems.push(`${duplicates} duplicates in the ledger`);
    const slowest = Math.max(...results.map((r) => r.seconds));
    return {
      tills: opts.tills,
      targetPerSecond: opts.perSecond,
      seconds: Math.max(...results.map((r) => r.seconds)),
      debits: latencies.length,
      achievedPerSecond: latencies.length / Math.max(opts.seconds, slowest),
      outcomes,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      duplicates,
      problems,
    };
  } finally {
    driver.remove();
    tmp.remove();
  }
}
