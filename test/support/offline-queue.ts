// A backlog for the outbox, as the engine leaves it after offline acceptances (DEBIT_REQUESTED mode
// offline + DEBIT_OFFLINE_ACCEPTED, each pass token kept aside in the request store), built directly so
// that a bench or a test can queue thousands without scanning them one by one.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Till } from '../../main/core/till';
import type { AppendInput } from '../../main/journal/journal';
import { openRequestStore, REQUEST_STORE_FILE } from '../../main/outbox/request-store';
import type { RegionHandle } from './region-server';

export interface MintedPass {
  beneficiaryId: string;
  token: string;
}

/** `count` passes, 100 per fresh youth (the Region takes offline debits within the policy without a balance check). */
export async function mintPasses(region: RegionHandle, count: number, tag: string): Promise<MintedPass[]> {
  const youths = await Promise.all(
    Array.from({ length: Math.ceil(count / 100) }, (_, i) => region.admin.createBeneficiary({ givenName: 'Bench', familyName: `${tag}${i}`, birthDate: '2006-01-01' })),
  );
  const out: MintedPass[] = [];
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

/** Queues one offline CINEMA debit of 1 € (under the 15 € floor limit) per pass; returns the debit ids in request order. */
export function queueOfflineDebits(till: Till, dataDir: string, passes: readonly MintedPass[]): string[] {
  const store = openRequestStore(join(dataDir, REQUEST_STORE_FILE));
  const occurredAt = new Date().toISOString();
  const ids: string[] = [];
  try {
    for (let i = 0; i < passes.length; i += 500) {
      const slice = passes.slice(i, i + 500).map((p) => ({ ...p, debitId: randomUUID() }));
      store.putTokens(slice);
      const entries: AppendInput[] = slice.flatMap((p) => [
        {
          kind: 'DEBIT_REQUESTED' as const,
          cashierId: 'bench',
          at: occurredAt,
          payload: { debitId: p.debitId, category: 'CINEMA', item: 'SEANCE', priceCents: 800, amountCents: 100, mode: 'offline', jti: randomUUID(), beneficiaryId: p.beneficiaryId, occurredAt, tokenExp: Math.floor(Date.now() / 1000) + 600 },
        },
        { kind: 'DEBIT_OFFLINE_ACCEPTED' as const, cashierId: 'bench', at: occurredAt, payload: { debitId: p.debitId } },
      ]);
      till.journal.appendAll(entries);
      ids.push(...slice.map((p) => p.debitId));
    }
  } finally {
    store.close();
  }
  return ids;
}
