// Reliability proof about time: the till's clock jumps forward and back, and the season boundary
// (30 June 23:59:59 Paris in, 1 July 00:00:00 out) is crossed while debits wait in the queue. Whatever the
// clock does, the journal's order is its sequence (the chain verifies with times going backwards), no
// debit is lost or doubled, and each side of the boundary is judged by the moment it happened.
import { describe, expect, it } from 'vitest';
import { cinemaSeat } from '../engine/engine-fixture';
import { ledgerDifferences } from '../engine/ledger-match';
import { regionForTests } from '../support/region-for-tests';
import { youthWithPass } from '../support/region-server';
import { engineForTests } from '../engine/engine-for-tests';

// 30 June 2026, 23:59:00 in Paris (UTC+2 in summer).
const BEFORE_MIDNIGHT = Date.parse('2026-06-30T21:59:00.000Z');
let tillNow = BEFORE_MIDNIGHT;
const region = regionForTests({
  now: new Date(BEFORE_MIDNIGHT),
  offlinePolicy: { enabled: true, floorLimitCents: 2000, maxOfflineHours: 72 },
});
const f = engineForTests(region, { accreditations: ['CINEMA'], till: { now: () => tillNow } });

const seat = (scanId: string) => cinemaSeat(scanId, 900, 400);

describe('a till whose clock jumps, across the season boundary', () => {
  it('judges each queued debit by its own moment, in the season or out, and the Region agrees', async () => {
    const passes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      // 30 June is past the joining deadline (31 May): these youths joined in time.
      const youth = await region.admin.createBeneficiary({
        givenName: 'Léa',
        familyName: `Saison${i}`,
        birthDate: '2007-03-14',
        joinedAt: '2026-05-20T10:00:00.000Z',
      });
      passes.push(await region.admin.mintPass({ beneficiaryId: youth.id, ttlSeconds: 600 }));
    }
    region.kill();
    const offline = async (at: string, token: string) => {
      tillNow = Date.parse(at);
      const scan = await f.call('pass.scan', { text: token, source: 'paste' });
      if (scan.kind !== 'pass') return `scan ${scan.kind === 'refused' ? scan.code : scan.kind}`;
      const r = await f.till.dispatch('debit.submit', seat(scan.card.scanId));
      return r.ok ? (r.value as { status: string }).status : r.error.code;
    };
    // 23:59:58 and 23:59:59 on 30 June: in the season, accepted offline and queued.
    expect(await offline('2026-06-30T21:59:58.000Z', passes[0]!)).toBe('offline_accepted');
    expect(await offline('2026-06-30T21:59:59.999Z', passes[1]!)).toBe('offline_accepted');
    // 00:00:00 on 1 July: that season's advantages are lost.
    expect(await offline('2026-06-30T22:00:00.000Z', passes[2]!)).toMatch(/SEASON_CLOSED/);
    // The clock jumps back 40 s (a bad NTP step): 23:59:20 is in the season again, and the journal goes on.
    expect(await offline('2026-06-30T21:59:20.000Z', passes[3]!)).toBe('offline_accepted');

    // The Region comes back three minutes into July; the queue drains.
    await region.restart();
    await region.admin.setClock(new Date('2026-06-30T22:03:00.000Z'));
    tillNow = Date.parse('2026-06-30T22:03:00.000Z');
    expect(await f.till.outbox.drain({ timeoutMs: 30_000, maxPauseMs: 50 })).toBe(0);
    const ledger = (await region.admin.ledger()).filter((d) => d.partnerId === f.partnerId);
    expect(ledger.map((d) => [d.occurredAt, d.status, d.mode])).toEqual([
      ['2026-06-30T21:59:20.000Z', 'accepted', 'offline'],
      ['2026-06-30T21:59:58.000Z', 'accepted', 'offline'],
      ['2026-06-30T21:59:59.999Z', 'accepted', 'offline'],
    ]);
    expect(ledgerDifferences(f.till.journal, ledger)).toEqual([]);
    const verdict = f.till.journal.verify();
    expect(verdict).toMatchObject({ ok: true });
  });

  it('refuses an online debit while the clock is hours ahead, loses nothing, and goes on once it is right', async () => {
    const regionNow = Date.parse('2026-07-02T10:00:00.000Z');
    await region.admin.setClock(new Date(regionNow));
    tillNow = regionNow + 2 * 3600_000;
    // The Region found the pass valid by its clock; the till's own clock puts the moment outside the pass's
    // window: the till names its clock, before anything is written or sent.
    const youth = await youthWithPass(region, {
      givenName: 'Léa',
      familyName: 'Martin',
      birthDate: '2007-03-14',
    });
    const skewed = await f.call('pass.scan', { text: youth.token, source: 'paste' });
    expect(skewed).toMatchObject({ kind: 'refused', code: 'CLOCK_SKEW', reason: 'TILL_AHEAD' });
    const before = (await region.admin.ledger()).filter((d) => d.partnerId === f.partnerId).length;
    // Backwards past the Region by a day: refused the same way, never sent as a debit of yesterday.
    tillNow = regionNow - 24 * 3600_000;
    const behind = await f.scanNewYouth().catch(() => null);
    if (behind) {
      const r = await f.till.dispatch('debit.submit', seat(behind.scanId));
      expect(r.ok ? (r.value as { status: string; code?: string }) : r.error).toMatchObject({
        code: expect.stringMatching(/CLOCK_SKEW|TOKEN_EXPIRED|TOKEN_INVALID/),
      });
    }
    expect((await region.admin.ledger()).filter((d) => d.partnerId === f.partnerId)).toHaveLength(before);
    tillNow = regionNow + 1000;
    const fine = await f.scanNewYouth();
    expect((await f.call('debit.submit', seat(fine.scanId))).status).toBe('accepted');
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect(
      ledgerDifferences(
        f.till.journal,
        (await region.admin.ledger()).filter((d) => d.partnerId === f.partnerId),
      ),
    ).toEqual([]);
    expect(f.till.journal.verify()).toMatchObject({ ok: true });
  });
});
