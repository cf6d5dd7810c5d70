// A backlog for the outbox, as the engine leaves it after offline acceptances (DEBIT_REQUESTED mode
// offline + DEBIT_OFFLINE_ACCEPTED, each pass token kept aside in the request store), built directly so
// that a bench or a test can queue thousands without scanning them one by one.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Till } from '../../main/core/till';
import type { AppendInput } from '../../main/journal/journal';
import { openRequestStore, REQUEST_STORE_FILE } from '../../main/outbox/request-store';
import type { AdminClient } from './region-server';

export interface MintedPass {
  beneficiaryId: string;
  token: string;
}

/**
 * `count` passes, `perYouth` for each fresh youth. One youth at a time, its passes minted together: enough
 * to keep the server busy, and twenty processes doing it at once (the load proof) do not flood it.
 */
export async function mintPasses(
  admin: AdminClient,
  count: number,
  opts: { tag: string; perYouth: number; ttlSeconds: number },
): Promise<MintedPass[]> {
  const passes: MintedPass[] = [];
  while (passes.length < count) {
    const youth = await admin.createBeneficiary({
      givenName: 'Léa',
      familyName: `${opts.tag}${passes.length}`,
      birthDate: '2007-03-14',
    });
    const tokens = await Promise.all(
      Array.from({ length: Math.min(opts.perYouth, count - passes.length) }, () =>
        admin.mintPass({ beneficiaryId: youth.id, ttlSeconds: opts.ttlSeconds }),
      ),
    );
    passes.push(...tokens.map((token) => ({ beneficiaryId: youth.id, token })));
  }
  return passes;
}

/** Offline debits within the policy are taken without a balance check: a hundred passes per youth do. */
export const OFFLINE_PASSES = { perYouth: 100, ttlSeconds: 600 } as const;

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
          payload: {
            debitId: p.debitId,
            category: 'CINEMA',
            item: 'SEANCE',
            priceCents: 800,
            amountCents: 100,
            mode: 'offline',
            jti: randomUUID(),
            beneficiaryId: p.beneficiaryId,
            occurredAt,
            tokenExp: Math.floor(Date.now() / 1000) + 600,
          },
        },
        {
          kind: 'DEBIT_OFFLINE_ACCEPTED' as const,
          cashierId: 'bench',
          at: occurredAt,
          payload: { debitId: p.debitId },
        },
      ]);
      till.journal.appendAll(entries);
      ids.push(...slice.map((p) => p.debitId));
    }
  } finally {
    store.close();
  }
  return ids;
}
