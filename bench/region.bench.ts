// The reference Region server's throughput: debits per second and p99 latency on loopback with eight
// concurrent tills, the server in its own process (as in every test). Baseline in the same run: the
// same eight clients calling GET /v1/health, i.e. HTTP and fastify with no database write.
import { randomUUID } from 'node:crypto';
import { percentile } from './figure';
import type { Figure } from './figure';
import { startRegionServer } from '../test/support/region-server';

const CLIENTS = 8;

interface Run {
  perSecond: number;
  latenciesMs: number[];
}

async function drive(jobs: (() => Promise<void>)[][]): Promise<Run> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    jobs.map(async (queue) => {
      for (const job of queue) {
        const t0 = performance.now();
        await job();
        latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: latenciesMs.length / seconds, latenciesMs };
}

export default async function run(ctx: { quick: boolean }): Promise<Figure[]> {
  const perClient = ctx.quick ? 25 : 150;
  const region = await startRegionServer({ logLevel: 'warn' });
  try {
    const partner = await region.admin.createPartner({
      name: 'Bench',
      siret: '99999999900001',
      accreditations: ['CINEMA'],
    });
    const devices: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const code =
        i === 0 ? partner.activationCode : (await region.admin.newActivationCode(partner.id)).activationCode;
      const r = await fetch(`${region.url}/v1/devices/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ partnerId: partner.id, activationCode: code, deviceName: `Caisse ${i + 1}` }),
      });
      devices.push(((await r.json()) as { token: string }).token);
    }
    // Tokens are minted before the clock starts: the figure is the debit, not the youth's app.
    const queues: { token: string; pass: string }[][] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const b = await region.admin.createBeneficiary({
        givenName: 'Banc',
        familyName: `Dessai${c}`,
        birthDate: '2008-01-01',
        wallets: { CINEMA: 100_000_000 },
      });
      const queue: { token: string; pass: string }[] = [];
      for (let i = 0; i < perClient; i++)
        queue.push({
          token: devices[c] ?? '',
          pass: await region.admin.mintPass({ beneficiaryId: b.id, ttlSeconds: 600 }),
        });
      queues.push(queue);
    }

    const health = await drive(
      queues.map((q) =>
        q.map(({ token }) => async () => {
          const r = await fetch(`${region.url}/v1/health`, { headers: { authorization: `Bearer ${token}` } });
          await r.arrayBuffer();
        }),
      ),
    );

    let seq = 0;
    let failures = 0;
    const debits = await drive(
      queues.map((q) =>
        q.map(({ token, pass }) => async () => {
          const r = await fetch(`${region.url}/v1/debits`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              id: randomUUID(),
              deviceSeq: ++seq,
              token: pass,
              category: 'CINEMA',
              item: 'SEANCE',
              amountCents: 1,
              priceCents: 900,
              occurredAt: new Date().toISOString(),
              mode: 'online',
              cashierId: 'bench',
            }),
          });
          if (r.status !== 201) failures++;
          await r.arrayBuffer();
        }),
      ),
    );
    if (failures > 0) throw new Error(`${failures} debits were not accepted`);

    return [
      { name: 'region.debits_per_s', value: Math.round(debits.perSecond), unit: 'debits/s', target: '>=100' },
      {
        name: 'region.debit_p99_ms',
        value: Number(percentile(debits.latenciesMs, 99).toFixed(1)),
        unit: 'ms',
        target: '<=250',
      },
      {
        name: 'region.debit_p50_ms',
        value: Number(percentile(debits.latenciesMs, 50).toFixed(1)),
        unit: 'ms',
      },
      { name: 'region.health_per_s', value: Math.round(health.perSecond), unit: 'req/s' },
      {
        name: 'region.debit_vs_health_ratio',
        value: Number((health.perSecond / debits.perSecond).toFixed(2)),
        unit: 'x',
      },
    ];
  } finally {
    await region.stop();
  }
}
