// sync.offline_debits_per_s: a till that took 10,000 debits offline (quick: 1,000) comes back online;
// how fast does its outbox hand them to the reference Region server over loopback, each answer
// committed to the journal (synchronous=FULL) before the next chunk? The queue is built untimed, the
// way the engine writes it (DEBIT_REQUESTED mode offline + DEBIT_OFFLINE_ACCEPTED, token kept aside).
// Beside it, sync.bare_posts_per_s: the same kind of debits POSTed by a bare loop with the same
// concurrency and no journal, measured in the same run, and the ratio of the two (the Region server's
// own speed is the ceiling of both).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createTill } from '../main/core/till';
import { openRequestStore, REQUEST_STORE_FILE } from '../main/outbox/request-store';
import { fileKeyCipher } from '../main/secrets/secret-store';
import type { AppendInput } from '../main/journal/journal';
import { startRegionServer, type RegionHandle } from '../test/support/region-server';
import { makeTempDir } from '../test/support/tmp';
import type { Figure } from './figure';

const CONCURRENCY = 32;

async function mintTokens(region: RegionHandle, count: number, tag: string): Promise<{ beneficiaryId: string; token: string }[]> {
  const youths = await Promise.all(
    Array.from({ length: Math.ceil(count / 100) }, (_, i) => region.admin.createBeneficiary({ givenName: 'Bench', familyName: `${tag}${i}`, birthDate: '2006-01-01' })),
  );
  const out: { beneficiaryId: string; token: string }[] = [];
  for (let i = 0; i < count; i += 32) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(32, count - i) }, async (_, k) => {
        const beneficiaryId = youths[Math.floor((i + k) / 100)]!.id;
        return { beneficiaryId, token: await region.admin.mintPass({ beneficiaryId, ttlSeconds: 600 }) };
      }),
    );
    out.push(...batch);
  }
  return out;
}

export default async function run(ctx: { quick: boolean }): Promise<Figure[]> {
  const count = ctx.quick ? 1000 : 10_000;
  const region = await startRegionServer();
  const tmp = makeTempDir('bench-sync');
  const dataDir = join(tmp.dir, 'data');
  try {
    await region.admin.setOfflinePolicy({ enabled: true, floorLimitCents: 1500, maxOfflineHours: 24 });
    const partner = await region.admin.createPartner({ name: 'Cinéma Bench', siret: '12345678900011', accreditations: ['CINEMA'] });
    const till = createTill({ dataDir, cipher: fileKeyCipher(join(tmp.dir, 'key')), outbox: { idleMs: 3_600_000, concurrency: CONCURRENCY } });
    let rate: number;
    let bareRate: number;
    try {
      const enrolled = await till.dispatch('till.enroll', { regionUrl: region.url, partnerId: partner.id, activationCode: partner.activationCode, deviceName: 'Bench', managerName: 'Bench', managerPin: '1234' });
      if (!enrolled.ok) throw new Error(enrolled.error.code);

      // The queue, as the engine leaves it after `count` offline acceptances.
      const tokens = await mintTokens(region, count, 'T');
      const store = openRequestStore(join(dataDir, REQUEST_STORE_FILE));
      const occurredAt = new Date().toISOString();
      for (let i = 0; i < count; i += 500) {
        const slice = tokens.slice(i, i + 500).map((t) => ({ ...t, debitId: randomUUID() }));
        store.putTokens(slice);
        const entries: AppendInput[] = slice.flatMap((t) => [
          {
            kind: 'DEBIT_REQUESTED' as const,
            cashierId: 'bench',
            at: occurredAt,
            payload: { debitId: t.debitId, category: 'CINEMA', item: 'SEANCE', priceCents: 800, amountCents: 100, mode: 'offline', jti: randomUUID(), beneficiaryId: t.beneficiaryId, occurredAt, tokenExp: Math.floor(Date.now() / 1000) + 600 },
          },
          { kind: 'DEBIT_OFFLINE_ACCEPTED' as const, cashierId: 'bench', at: occurredAt, payload: { debitId: t.debitId } },
        ]);
        till.journal.appendAll(entries);
      }
      store.close();

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
      const bareTokens = await mintTokens(region, bareCount, 'B');
      // The till's own authenticated client, used bare.
      const client = till.context.link.authenticated();
      if (!client) throw new Error('not enrolled');
      const bareStarted = performance.now();
      for (let i = 0; i < bareCount; i += CONCURRENCY) {
        const answers = await Promise.all(
          bareTokens.slice(i, i + CONCURRENCY).map((t, k) =>
            client.postDebit({ id: randomUUID(), deviceSeq: 1_000_000 + i + k, token: t.token, category: 'CINEMA', item: 'SEANCE', amountCents: 100, priceCents: 800, occurredAt, mode: 'offline', cashierId: 'bench' }),
          ),
        );
        const bad = answers.find((a) => a.kind !== 'ok');
        if (bad) throw new Error(`bare post: ${JSON.stringify(bad)}`);
      }
      bareRate = bareCount / ((performance.now() - bareStarted) / 1000);
    } finally {
      till.close();
    }
    return [
      { name: 'sync.offline_debits_per_s', value: Math.round(rate), unit: 'debits/s', target: '>=500' },
      { name: 'sync.bare_posts_per_s', value: Math.round(bareRate), unit: 'requests/s' },
      { name: 'sync.outbox_vs_bare_posts', value: Number((bareRate / rate).toFixed(2)), unit: 'x (time ratio)' },
    ];
  } finally {
    await region.stop();
    tmp.remove();
  }
}

