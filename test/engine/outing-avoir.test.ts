// Group outings (§2.3) and avoirs (§2.4) through the till's contract against the reference Region:
// each pass an ordinary debit linked to its outing, refusals listed without stopping the run, the summary
// the group leader settles, offline within the policy, a restart mid-run; avoirs issued per youth for a
// cancelled event's debits, redeemed in parts, never in an Atouts total.
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { engineForTests } from './engine-for-tests';
import { spectaclePlace } from './engine-fixture';

const region = regionForTests({
  offlinePolicy: { enabled: true, floorLimitCents: 1500, maxOfflineHours: 24 },
});
const f = engineForTests(region);

describe('a group outing', () => {
  it('debits each pass that chooses Atouts, lists the refused and the declined, and sums what the leader pays', async () => {
    const outing = await f.call('outing.open', {
      title: 'Lycée Malherbe — Tartuffe',
      category: 'SPECTACLE',
      item: 'PLACE',
      priceCents: 1200,
    });
    expect(await f.call('outing.current', {})).toMatchObject({ outingId: outing.outingId, passes: [] });

    const full = await f.scanNewYouth();
    const r1 = await f.call('outing.pass', {
      outingId: outing.outingId,
      scanId: full.scanId,
      amountCents: 1200,
    });
    expect(r1).toMatchObject({
      otherwise: null,
      outcome: { status: 'accepted', amountCents: 1200, remainderCents: 0 },
    });
    const partial = await f.scanNewYouth({ wallets: { SPECTACLE: 500 } });
    const r2 = await f.call('outing.pass', {
      outingId: outing.outingId,
      scanId: partial.scanId,
      amountCents: 500,
    });
    expect(r2.outcome).toMatchObject({ status: 'accepted', amountCents: 500 });
    // A local rule's refusal (more than the balance) goes to the list; the run goes on.
    const poor = await f.scanNewYouth({ wallets: { SPECTACLE: 300 } });
    const r3 = await f.call('outing.pass', {
      outingId: outing.outingId,
      scanId: poor.scanId,
      amountCents: 1200,
    });
    expect(r3).toMatchObject({ outcome: null, otherwise: 'INSUFFICIENT_BALANCE' });
    // The youth chose not to use Atouts: never required (§2.3).
    const declines = await f.scanNewYouth();
    const r4 = await f.call('outing.pass', {
      outingId: outing.outingId,
      scanId: declines.scanId,
      amountCents: 0,
    });
    expect(r4).toMatchObject({ outcome: null, otherwise: 'NOT_USED' });
    // A pass refused at the scan, before any card.
    await f.call('outing.otherwise', { outingId: outing.outingId, code: 'TOKEN_EXPIRED' });

    // Restart mid-run: the outing lives in the chain.
    await f.reopen();
    const current = await f.call('outing.current', {});
    expect(current).toMatchObject({
      outingId: outing.outingId,
      debitCount: 2,
      otherwiseCount: 3,
      atoutsCents: 1700,
    });

    // Offline within the policy: still an ordinary debit of the outing.
    const youth = await region.admin.createBeneficiary({
      givenName: 'Noé',
      familyName: 'Hébert',
      birthDate: '2006-02-03',
    });
    const token = await region.admin.mintPass({ beneficiaryId: youth.id });
    region.kill();
    const scan = await f.call('pass.scan', { text: token, source: 'paste' });
    if (scan.kind !== 'pass') throw new Error(JSON.stringify(scan));
    expect(scan.card.source).toBe('offline');
    const r5 = await f.call('outing.pass', {
      outingId: outing.outingId,
      scanId: scan.card.scanId,
      amountCents: 1000,
    });
    expect(r5.outcome).toMatchObject({ status: 'offline_accepted', amountCents: 1000 });
    await region.restart();

    const closed = await f.call('outing.close', { outingId: outing.outingId });
    expect(closed).toMatchObject({
      debitCount: 3,
      otherwiseCount: 3,
      atoutsCents: 2700,
      leaderPaysCents: 6 * 1200 - 2700,
    });
    expect(closed.passes.map((p) => p.code)).toEqual([
      null,
      null,
      'INSUFFICIENT_BALANCE',
      'NOT_USED',
      'TOKEN_EXPIRED',
      null,
    ]);
    expect(closed.passes[0]!.name).toBe('Léa Martin');
    const linked = f.till.journal
      .list({ kinds: ['OUTING_PASS'] })
      .map((e) => e.payload['debitId'])
      .filter(Boolean);
    expect(linked).toEqual(closed.passes.filter((p) => p.debitId).map((p) => p.debitId));
    for (const id of linked)
      expect(f.till.journal.debits.get(String(id))).toMatchObject({
        category: 'SPECTACLE',
        item: 'PLACE',
        priceCents: 1200,
      });
    expect(f.till.journal.list({ kinds: ['OUTING_CLOSED'] })).toMatchObject([
      { payload: { outingId: outing.outingId, debitCount: 3, atoutsCents: 2700, leaderPaysCents: 4500 } },
    ]);
    expect(
      await f.fail('outing.pass', {
        outingId: outing.outingId,
        scanId: (await f.scanNewYouth()).scanId,
        amountCents: 100,
      }),
    ).toBe('OUTING_UNKNOWN');
    expect(await f.call('outing.current', {})).toBeNull();
  }, 90_000);
});

describe('avoirs for a cancelled event', () => {
  it('issues one per youth for their Atouts parts, redeems in parts, and never counts them as Atouts', async () => {
    const youth = await f.scanNewYouth();
    const first = await f.call('debit.submit', spectaclePlace(youth.scanId, 1500, 1000));
    const other = await f.scanNewYouth();
    const second = await f.call('debit.submit', spectaclePlace(other.scanId, 1500, 800));
    const totalsBefore = f.till.journal.debits.totals({});

    const avoirs = await f.call('avoir.issue', { debitIds: [first.debitId, second.debitId] });
    expect(avoirs).toHaveLength(2);
    const mine = avoirs.find((a) => a.debitIds.includes(first.debitId))!;
    expect(mine).toMatchObject({
      category: 'SPECTACLE',
      amountCents: 1000,
      remainingCents: 1000,
      beneficiaryId: youth.beneficiaryId,
      name: 'Léa Martin',
    });
    expect(mine.code).toMatch(/^AV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // Never twice for one debit, never for a debit that is not accepted.
    expect(await f.fail('avoir.issue', { debitIds: [first.debitId] })).toBe('AVOIR_NOT_ELIGIBLE');

    expect(await f.call('avoir.redeem', { code: mine.code.toLowerCase(), amountCents: 600 })).toMatchObject({
      remainingCents: 400,
      redemptions: [{ amountCents: 600 }],
    });
    expect(await f.fail('avoir.redeem', { code: mine.code, amountCents: 500 })).toBe('AVOIR_EXHAUSTED');
    expect(await f.call('avoir.redeem', { code: mine.code, amountCents: 400 })).toMatchObject({
      remainingCents: 0,
    });
    expect(await f.fail('avoir.get', { code: 'AV-0000-0000' })).toBe('AVOIR_UNKNOWN');

    // The partner's own credit: the Atouts totals and the debits are untouched.
    expect(f.till.journal.debits.totals({})).toEqual(totalsBefore);
    expect(f.till.journal.debits.get(first.debitId)!.status).toBe('accepted');
    expect(f.till.journal.verify().ok).toBe(true);
    expect((await f.call('avoir.list', {})).map((a) => a.code)).toContain(mine.code);
  }, 60_000);
});
