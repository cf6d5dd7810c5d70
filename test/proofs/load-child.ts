// One till of the load proof, in its own process with its own journal: enrols, logs in, then makes debits
// at a fixed pace, from the parent's GO, (open loop: a late debit does not push the next ones back) for a set time, and prints
// one line `RESULT {json}` with each debit's latency (scan to answer) and its outcome. The passes are minted
// before READY.
//   node load-child.mjs --data <dir> --key <file> --region-url <url> --admin-key <key> --partner <id> --activation <code> --rate <per s> --seconds <s>
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createTill } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { AdminClient } from '../../region-server/admin-client';
import { mintPasses } from '../support/offline-queue';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    key: { type: 'string' },
    'region-url': { type: 'string' },
    'admin-key': { type: 'string' },
    partner: { type: 'string' },
    activation: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
  },
});
const need = (name: keyof typeof values): string => {
  const v = values[name];
  if (typeof v !== 'string') throw new Error(`--${name} is required`);
  return v;
};

const PIN = '2468';
const till = createTill({
  dataDir: need('data'),
  cipher: fileKeyCipher(need('key')),
  regionTimeoutMs: 10_000,
});
const admin = new AdminClient(need('region-url'), need('admin-key'));

async function must(name: string, input: unknown): Promise<unknown> {
  const r = await till.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value;
}

/** A 5 € cinema debit per pass: four passes per youth fit in the 20 € cinema wallet. */
const DEBITS_PER_YOUTH = 4;

async function main(): Promise<void> {
  await must('till.enroll', {
    regionUrl: need('region-url'),
    partnerId: need('partner'),
    activationCode: need('activation'),
    deviceName: 'Charge',
    managerName: 'Claire',
    managerPin: PIN,
  });
  const staff = (await must('staff.list', {})) as { id: string }[];
  await must('staff.login', { staffId: staff[0]?.id, pin: PIN });
  // The youths' passes are minted before the clock starts: they come from the youths' phones, not from
  // the till, and minting them in the run would put the proof's own admin calls in the tills' way.
  const intervalMs = 1000 / Number(need('rate'));
  const total = Math.floor(Number(need('seconds')) * Number(need('rate')));
  // The Region mints passes for at most 10 minutes: enough for the 5-minute run and its start-up.
  const passes = (
    await mintPasses(admin, total, {
      tag: `Charge${need('partner')}-`,
      perYouth: DEBITS_PER_YOUTH,
      ttlSeconds: Math.min(600, Number(need('seconds')) + 300),
    })
  ).map((p) => p.token);
  process.stdout.write('READY\n');
  // Every till starts its clock together, once all of them have started (the parent says GO).
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line !== 'GO') return;
      lines.close();
      process.stdin.destroy();
      resolve();
    });
  });
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const token = passes[i]!;
    const t0 = performance.now();
    const scan = (await must('pass.scan', { text: token, source: 'paste' })) as {
      kind: string;
      card?: { scanId: string };
    };
    let key = `scan ${scan.kind}`;
    if (scan.card) {
      const r = await till.dispatch('debit.submit', {
        scanId: scan.card.scanId,
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 900,
        amountCents: 500,
      });
      key = r.ok ? (r.value as { status: string }).status : `error ${r.error.code}`;
    }
    latencies.push(performance.now() - t0);
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const loopSeconds = (performance.now() - start) / 1000;
  const left = await till.outbox.drain({ timeoutMs: 60_000, maxPauseMs: 50 });
  till.close();
  process.stdout.write(`RESULT ${JSON.stringify({ latencies, outcomes, left, seconds: loopSeconds })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
