// The network proof: debits through the real till core while the reference Region answers 20 % of its
// /v1 calls with 503, drops 10 % of its write answers after committing them, changes its latency at
// random, and is restarted twice mid-run (while the till keeps working). Then the faults stop, the outbox
// drains, and the Region's ledger must equal the journal: every debit the Region accepted is accepted
// here once, nothing the till refused or abandoned is at the Region.
import { seededRandom } from '../../scripts/fixtures/seeded-random';
import { engineFixture } from '../engine/engine-fixture';
import { ledgerDifferences } from '../engine/ledger-match';
import type { RegionHandle } from '../support/region-server';

export interface NetworkReport {
  debits: number;
  outcomes: Record<string, number>;
  scanFailures: number;
  restarts: number;
  ledgerDebits: number;
  journalAccepted: number;
  problems: string[];
  seconds: number;
}

/** Admin calls go around the faults but not around a restart: wait for the server to be back. */
async function patiently<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt > 200) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function runNetworkProof(
  region: RegionHandle,
  opts: { debits: number; seed?: number; onProgress?: (done: number) => void },
): Promise<NetworkReport> {
  const started = Date.now();
  const seed = opts.seed ?? Date.now() & 0xffff;
  const random = seededRandom(seed);
  const f = await engineFixture(region, {
    accreditations: ['CINEMA'],
    till: {
      immediateRetryDelaysMs: [10, 20],
      regionTimeoutMs: 2000,
      outbox: { backoff: { baseMs: 10, maxMs: 200 }, idleMs: 50 },
    },
  });
  const outcomes: Record<string, number> = {};
  const problems: string[] = [];
  let scanFailures = 0;
  let restarts = 0;
  const restartAt = new Set([Math.floor(opts.debits / 3), Math.floor((2 * opts.debits) / 3)]);
  let restarting: Promise<void> = Promise.resolve();
  try {
    const faults = () => ({ errorRate: 0.2, dropAfterCommitRate: 0.1, latencyMs: Math.floor(random() * 40) });
    await region.admin.setFaults(faults());
    for (let i = 0; i < opts.debits; i += 1) {
      if (restartAt.has(i)) {
        // Not awaited: the till goes on while the server stops and starts again.
        restarting = restarting
          .then(() => region.restart())
          .then(() => {
            restarts += 1;
          });
      }
      if (i % 25 === 0) await patiently(() => region.admin.setFaults(faults()));
      const youth = await patiently(() =>
        region.admin.createBeneficiary({
          givenName: 'Léa',
          familyName: `Réseau${i}`,
          birthDate: '2007-03-14',
        }),
      );
      const token = await patiently(() => region.admin.mintPass({ beneficiaryId: youth.id }));
      const scan = await f.till.dispatch('pass.scan', { text: token, source: 'paste' });
      const card = scan.ok ? (scan.value as { kind: string; card?: { scanId: string } }) : null;
      if (!card?.card) {
        scanFailures += 1;
        continue;
      }
      const r = await f.till.dispatch('debit.submit', {
        scanId: card.card.scanId,
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 900,
        amountCents: 100 + (i % 9) * 50,
      });
      const key = r.ok ? (r.value as { status: string }).status : `error ${r.error.code}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if ((i + 1) % 100 === 0) opts.onProgress?.(i + 1);
    }
    await restarting;
    await patiently(() => region.admin.setFaults({}));
    const left = await f.till.outbox.drain({ timeoutMs: 120_000, maxPauseMs: 50 });
    if (left > 0) problems.push(`${left} still awaiting the Region after draining`);
    const ledger = (await region.admin.ledger()).filter((d) => d.partnerId === f.partnerId);
    problems.push(...ledgerDifferences(f.till.journal, ledger));
    const verdict = f.till.journal.verify();
    if (!verdict.ok) problems.push(`journal: entry ${verdict.seq} ${verdict.problem}`);
    const journalAccepted = f.till.journal.debits.list({}).filter((s) => s.status === 'accepted').length;
    return {
      debits: opts.debits,
      outcomes,
      scanFailures,
      restarts,
      ledgerDebits: ledger.length,
      journalAccepted,
      problems: problems.map((p) => `[seed ${seed}] ${p}`),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    f.close();
  }
}
