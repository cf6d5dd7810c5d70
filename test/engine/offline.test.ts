// Offline mode (region-api.md "Offline debits"): with the Region stopped, passes are read with the
// cached keys, debits within the policy are accepted offline and the rest refused with the reason;
// when the Region is back the outbox sends them and the ledger matches.
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { engineForTests } from './engine-for-tests';
import { cinemaSeat as seat, ledgerOf, spectaclePlace as place } from './engine-fixture';
import { ledgerDifferences } from './ledger-match';

const region = regionForTests({
  offlinePolicy: { enabled: true, floorLimitCents: 1500, maxOfflineHours: 24 },
});
const f = engineForTests(region);

let minted = 0;
async function mint(wallets?: { SPECTACLE?: number; CINEMA?: number }) {
  // One membership per person and season at the Region: each Hugo is born another day.
  const birthDate = new Date(Date.UTC(2006, 8, 1 + minted++)).toISOString().slice(0, 10);
  const youth = await region.admin.createBeneficiary({
    givenName: 'Hugo',
    familyName: 'Lefèvre',
    birthDate,
    ...(wallets ? { wallets } : {}),
  });
  return {
    id: youth.id,
    tokens: [
      await region.admin.mintPass({ beneficiaryId: youth.id }),
      await region.admin.mintPass({ beneficiaryId: youth.id }),
    ],
  };
}

async function scanOffline(token: string): Promise<string> {
  const scan = await f.call('pass.scan', { text: token, source: 'paste' });
  if (scan.kind !== 'pass') throw new Error(JSON.stringify(scan));
  expect(scan.card.source).toBe('offline');
  return scan.card.scanId;
}

describe('offline debits', () => {
  it('accepts within policy, refuses the rest with the reason, and syncs when the Region returns', async () => {
    const a = await mint();
    const b = await mint({ CINEMA: 1200 });
    const c = await mint();
    region.kill();

    // Within the floor limit and the snapshot: accepted offline, plainly marked so.
    const first = await f.call('debit.submit', place(await scanOffline(a.tokens[0]!), 2000, 1500));
    expect(first.status).toBe('offline_accepted');
    expect(f.till.status().pendingCount).toBe(1);

    // Above the floor limit.
    expect(await f.fail('debit.submit', place(await scanOffline(c.tokens[0]!), 2000, 1600))).toBe(
      'OFFLINE_LIMIT_EXCEEDED',
    );

    // Snapshot 30 € minus the 15 € already debited offline here on this youth: 15 € left, 10 € fits, a second pass of
    // the same snapshot age cannot spend the first debit's money again.
    const second = await f.call('debit.submit', place(await scanOffline(a.tokens[1]!), 1000));
    expect(second.status).toBe('offline_accepted');
    const bScan = await scanOffline(b.tokens[0]!);
    expect(await f.fail('debit.submit', seat(bScan, 1300))).toBe('INSUFFICIENT_BALANCE');
    // The jti already paid here: refused at the scan, no card opens (see the last test).
    expect(await f.call('pass.scan', { text: a.tokens[0]!, source: 'paste' })).toMatchObject({
      kind: 'refused',
      code: 'TOKEN_USED',
    });
    const bOk = await f.call('debit.submit', seat(bScan, 1300, 1200));
    expect(bOk.status).toBe('offline_accepted');

    const requested = f.till.journal.list({ kinds: ['DEBIT_REQUESTED'] }).map((e) => e.payload.mode);
    expect(requested).toEqual(['offline', 'offline', 'offline']);

    await region.restart();
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    for (const d of [first, second, bOk])
      expect((await f.call('debit.get', { debitId: d.debitId })).status).toBe('accepted');
    const ledger = await ledgerOf(region, f.partnerId);
    expect(ledger.map((d) => d.mode)).toEqual(['offline', 'offline', 'offline']);
    expect(ledgerDifferences(f.till.journal, ledger)).toEqual([]);
  });

  it('refuses offline when the policy disables it, or when the keys are too old', async () => {
    const youth = await mint();
    await region.admin.setOfflinePolicy({ enabled: false, floorLimitCents: 1500, maxOfflineHours: 24 });
    await f.reopen();
    await expect.poll(() => f.till.context.link.keys()?.offline.enabled, { timeout: 5000 }).toBe(false);
    region.kill();
    expect(await f.fail('debit.submit', place(await scanOffline(youth.tokens[0]!), 500))).toBe(
      'OFFLINE_DISABLED',
    );
    await region.restart();
    await region.admin.setOfflinePolicy({ enabled: true, floorLimitCents: 1500, maxOfflineHours: 1 });
    await f.reopen();
    await expect.poll(() => f.till.context.link.keys()?.offline.maxOfflineHours, { timeout: 5000 }).toBe(1);
    // The cached keys as if fetched two hours ago: older than maxOfflineHours.
    const { fetchedAt: _fresh, ...keys } = f.till.context.link.keys()!;
    f.till.context.link.saveKeys(keys, new Date(Date.now() - 2 * 3_600_000).toISOString());
    region.kill();
    expect(await f.fail('debit.submit', place(await scanOffline(youth.tokens[1]!), 500))).toBe(
      'OFFLINE_MAX_AGE',
    );
    await region.restart();
    expect(f.till.journal.debits.list({}).filter((d) => d.beneficiaryId === youth.id)).toEqual([]);
  });

  it('never turns an unknown online outcome into an offline acceptance', async () => {
    await region.admin.setOfflinePolicy({ enabled: true, floorLimitCents: 1500, maxOfflineHours: 24 });
    await f.reopen();
    const scan = await f.scanNewYouth();
    expect(scan.source).toBe('online');
    region.kill();
    const outcome = await f.call('debit.submit', place(scan.scanId, 500));
    expect(outcome.status).toBe('pending');
    const requested = f.till.journal.list({ kinds: ['DEBIT_REQUESTED'], order: 'desc', limit: 1 })[0]!;
    expect(requested.payload).toMatchObject({ debitId: outcome.debitId, mode: 'online' });
    await region.restart();
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect((await f.call('debit.get', { debitId: outcome.debitId })).status).toBe('accepted');
    expect(ledgerDifferences(f.till.journal, await ledgerOf(region, f.partnerId))).toEqual([]);
  });

  it('refuses at the scan a token that paid here offline, across a restart; a refused debit frees its token', async () => {
    // The Region cannot say it offline: the till's own journal (its SQLite file, read again after a restart)
    // knows which token ids paid here.
    const youth = await mint();
    const [paid, refused] = youth.tokens as [string, string];
    region.kill();
    expect((await f.call('debit.submit', place(await scanOffline(paid), 2000, 1000))).status).toBe(
      'offline_accepted',
    );
    expect(await f.call('pass.scan', { text: paid, source: 'paste' })).toEqual({
      kind: 'refused',
      code: 'TOKEN_USED',
      reason: 'USED_ON_THIS_TILL',
    });

    // Over the offline floor limit: refused before anything is written, nothing paid; the token opens again.
    expect(await f.fail('debit.submit', place(await scanOffline(refused), 2000, 1600))).toBe(
      'OFFLINE_LIMIT_EXCEEDED',
    );
    expect(await scanOffline(refused)).toBeTruthy();

    await f.reopen();
    expect(await f.call('pass.scan', { text: paid, source: 'paste' })).toMatchObject({
      kind: 'refused',
      code: 'TOKEN_USED',
    });
    expect(
      f.till.journal.debits
        .list({})
        .filter((d) => d.beneficiaryId === youth.id)
        .map((d) => d.mode),
    ).toEqual(['offline']);

    // Back online, before and after the offline debit reaches the Region: refused at the scan either way.
    await region.restart();
    expect(await f.call('pass.scan', { text: paid, source: 'paste' })).toMatchObject({
      kind: 'refused',
      code: 'TOKEN_USED',
    });
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect(await f.call('pass.scan', { text: paid, source: 'paste' })).toMatchObject({
      kind: 'refused',
      code: 'TOKEN_USED',
    });
  });
});
