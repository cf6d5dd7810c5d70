// A token that already paid on this till is refused at the scan, before any card opens — offline too, where
// the Region cannot say so: the till's own journal (a real SQLite file, read again after a restart) knows
// which token ids paid here. A token whose debit was refused paid nothing and opens the card again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { engineFixture, type EngineFixture } from './engine-fixture';

let region: RegionHandle;
let f: EngineFixture;

beforeAll(async () => {
  region = await startRegionServer();
  await region.admin.setOfflinePolicy({ enabled: true, floorLimitCents: 1500, maxOfflineHours: 24 });
  f = await engineFixture(region);
});

afterAll(async () => {
  f?.close();
  await region?.stop();
});

const scan = (token: string) => f.call('pass.scan', { text: token, source: 'paste' });
const seat = (scanId: string, amountCents: number) => ({ scanId, category: 'SPECTACLE' as const, item: 'PLACE' as const, priceCents: 2000, amountCents });

describe('a used token at the scan', () => {
  it('offline, a token that paid here is refused at the scan, across a restart; a refused one opens again', async () => {
    const youth = await region.admin.createBeneficiary({ givenName: 'Hugo', familyName: 'Lefèvre', birthDate: '2006-09-01' });
    const paid = await region.admin.mintPass({ beneficiaryId: youth.id });
    const refused = await region.admin.mintPass({ beneficiaryId: youth.id });
    region.kill();

    const first = await scan(paid);
    if (first.kind !== 'pass') throw new Error(JSON.stringify(first));
    expect(first.card.source).toBe('offline');
    expect((await f.call('debit.submit', seat(first.card.scanId, 1000))).status).toBe('offline_accepted');
    expect(await scan(paid)).toEqual({ kind: 'refused', code: 'TOKEN_USED', reason: 'USED_ON_THIS_TILL' });

    // Over the offline floor limit: refused, nothing paid; the same token may be scanned again.
    const other = await scan(refused);
    if (other.kind !== 'pass') throw new Error(JSON.stringify(other));
    expect(await f.fail('debit.submit', seat(other.card.scanId, 1600))).toBe('OFFLINE_LIMIT_EXCEEDED');
    expect((await scan(refused)).kind).toBe('pass');

    // A restart reads the journal file again: still refused at the scan.
    await f.reopen();
    expect(await scan(paid)).toMatchObject({ kind: 'refused', code: 'TOKEN_USED' });
    // One debit in the journal: a local refusal is said before anything is written.
    expect(f.till.journal.list({ kinds: ['DEBIT_REQUESTED'] }).map((e) => e.payload.mode)).toEqual(['offline']);

    // Back online, before and after the offline debit reaches the Region: refused at the scan either way.
    await region.restart();
    expect(await scan(paid)).toMatchObject({ kind: 'refused', code: 'TOKEN_USED' });
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect(await scan(paid)).toMatchObject({ kind: 'refused', code: 'TOKEN_USED' });
  });
});
