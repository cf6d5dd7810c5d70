// sync.offline_debits_per_s: a till that took 10,000 debits offline (quick: 1,000) comes back online;
// how fast does its outbox hand them to the reference Region server over loopback, each answer
// committed to the journal (synchronous=FULL) in request order? The queue is built untimed, the
// way the engine writes it (DEBIT_REQUESTED mode offline + DEBIT_OFFLINE_ACCEPTED, token kept aside).
// The till runs with its default tuning (DEFAULT_CONCURRENCY requests on the wire). Beside it,
// sync.bare_posts_per_s: the same kind of debits POSTed by bare workers keeping as many requests on the
// wire, with no journal, measured in the same run, and the ratio of the two (the Region server's own
// speed is the ceiling of both).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createTill } from '../main/core/till';
import { DEFAULT_CONCURRENCY } from '../main/outbox/outbox';
import { fileKeyCipher } from '../main/secrets/secret-store';
import { mintPasses, OFFLINE_PASSES, queueOfflineDebits } from '../test/support/offline-queue';
import { startRegionServer } from '../test/support/region-server';
import { enrol } from '../test/support/till-calls';
import { makeTempDir } from '../test/support/tmp';
import type { Figure } from './figure';

export default async function run(ctx: { quick: boolean }): Promise<Figure[]> {
  const count = ctx.quick ? 1000 : 10_000;
  const region = await startRegionServer();
  const tmp = makeTempDir('bench-sync');
  const dataDir = join(tmp.dir, 'data');
  try {
    await region.admin.setOfflinePolicy({ enabled: true, floorLimitCents: 1500, maxOfflineHours: 24 });
    const till = createTill({
      dataDir,
      cipher: fileKeyCipher(join(tmp.dir, 'key')),
      outbox: { idleMs: 3_600_000 },
    });
    let rate: number;
    let bareRate: number;
    try {
      await enrol(till, region, {
        partnerName: 'Cinéma Bench',
        deviceName: 'Bench',
        managerName: 'Bench',
        pin: '1234',
      });

      // The queue, as the engine leaves it after `count` offline acceptances.
      queueOfflineDebits(
        till,
        dataDir,
        await mintPasses(region.admin, count, { tag: 'T', ...OFFLINE_PASSES }),
      );

      const started = performance.now();
      const left = await till.outbox.drain({ timeoutMs: 300_000, maxPauseMs: 100 });
      const seconds = (performance.now() - started) / 1000;
      if (left !== 0) throw new Error(`${left} debits still awaiting the Region`);
      const refused = till.journal.debits.list({ status: 'refused' }).length;
      if (refused !== 0) throw new Error(`${refused} offline debits refused`);
      rate = count / seconds;

      // The bare baseline: the same kind of requests, same concurrency, no journal, no store.
      // A rate needs no 10,000 samples: 2,000 keep the whole file within its two minutes.
      const bareCount = Math.min(count, 2000);
      const bareTokens = await mintPasses(region.admin, bareCount, { tag: 'B', ...OFFLINE_PASSES });
      // The till's own authenticated client, used bare.
      const client = till.context.link.authenticated();
      if (!client) throw new Error('not enrolled');
      const bareStarted = performance.now();
      const occurredAt = new Date().toISOString();
      let next = 0;
      const worker = async () => {
        while (next < bareCount) {
          const i = next++;
          const answer = await client.postDebit({
            id: randomUUID(),
            deviceSeq: 1_000_000 + i,
            token: bareTokens[i]!.token,
            category: 'CINEMA',
            item: 'SEANCE',
            amountCents: 100,
            priceCents: 800,
            occurredAt,
            mode: 'offline',
            cashierId: 'bench',
          });
          if (answer.kind !== 'ok') throw new Error(`bare post: ${JSON.stringify(answer)}`);
        }
      };
      await Promise.all(Array.from({ length: DEFAULT_CONCURRENCY }, worker));
      bareRate = bareCount / ((performance.now() - bareStarted) / 1000);
    } finally {
      till.close();
    }
    return [
      { name: 'sync.offline_debits_per_s', value: Math.round(rate), unit: 'debits/s', target: '>=500' },
      { name: 'sync.bare_posts_per_s', value: Math.round(bareRate), unit: 'requests/s' },
      {
        name: 'sync.outbox_vs_bare_posts',
        value: Number((bareRate / rate).toFixed(2)),
        unit: 'x (time ratio)',
      },
    ];
  } finally {
    await region.stop();
    tmp.remove();
  }
}
