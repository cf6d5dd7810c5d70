// A cycle records its artistic discipline (regulation 3.2.1: the Region funds cycles of musique/chorale,
// danse, cirque, théâtre, arts marionnettiques and arts visuels only): required at the debit, a coupon's
// redemption and a cycle outing, kept in the chain, on the receipt and in the CSV export; the Region's
// wire format is unchanged (region-api.md carries no discipline).
import { describe, expect, it } from 'vitest';
import { tariffSchema } from '../../preload/contract/tariff';
import { debitsCsv } from '../../main/export/debits-csv';
import { regionForTests } from '../support/region-for-tests';
import { youthWithCoupon } from '../support/region-server';
import { engineForTests } from './engine-for-tests';

const region = regionForTests();
const f = engineForTests(region, { accreditations: ['ARTISTIC'] });

const cycle = {
  category: 'ARTISTIC',
  item: 'CYCLE',
  sessions: 10,
  priceCents: 12000,
  amountCents: 3000,
} as const;

describe("a cycle's discipline", () => {
  it('is required, chained with the debit, printed on the receipt and exported, never sent to the Region', async () => {
    const first = await f.scanNewYouth();
    expect(await f.fail('debit.submit', { scanId: first.scanId, ...cycle })).toBe('DISCIPLINE_REQUIRED');
    expect(f.till.journal.list({ kinds: ['DEBIT_REQUESTED'] })).toEqual([]);

    const outcome = await f.call('debit.submit', {
      scanId: (await f.scanNewYouth()).scanId,
      ...cycle,
      discipline: 'DANSE',
    });
    expect(outcome.status).toBe('accepted');
    const state = f.till.journal.debits.get(outcome.debitId)!;
    expect(state.discipline).toBe('DANSE');
    expect(f.till.journal.get(state.requestSeq)!.payload).toMatchObject({
      item: 'CYCLE',
      discipline: 'DANSE',
    });
    expect(await f.call('receipt.get', { debitId: outcome.debitId })).toMatchObject({
      item: 'CYCLE',
      discipline: 'DANSE',
    });
    const [header, line] = debitsCsv([state]).replace('\uFEFF', '').split('\r\n');
    expect(header!.split(';')).toContain('Discipline');
    expect(line!.split(';')[header!.split(';').indexOf('Discipline')]).toBe('danse');
    // The Region's record has no such field: the discipline stays the till's.
    const ledger = await region.admin.ledger();
    expect(Object.keys(ledger.find((d) => d.id === outcome.debitId)!)).not.toContain('discipline');
  }, 60_000);

  it("a coupon's redemption for a cycle names it too", async () => {
    const { coupon } = await youthWithCoupon(
      region,
      { givenName: 'Iris', familyName: 'Marchand', birthDate: '2005-06-07' },
      { partnerId: f.partnerId, category: 'ARTISTIC', amountCents: 2000 },
    );
    const view = await f.call('coupon.resolve', { text: coupon.code });
    expect(
      await f.fail('coupon.redeem', { couponId: view.id, item: 'CYCLE', sessions: 8, priceCents: 9000 }),
    ).toBe('DISCIPLINE_REQUIRED');
    const redeemed = await f.call('coupon.redeem', {
      couponId: view.id,
      item: 'CYCLE',
      sessions: 8,
      discipline: 'MUSIQUE_CHORALE',
      priceCents: 9000,
    });
    expect(redeemed.status).toBe('accepted');
    expect(f.till.journal.debits.get(redeemed.debitId)).toMatchObject({
      kind: 'coupon',
      discipline: 'MUSIQUE_CHORALE',
    });
  }, 60_000);

  it('a cycle outing names it once, at the opening', async () => {
    expect(
      await f.fail('outing.open', {
        title: 'Atelier',
        category: 'ARTISTIC',
        item: 'CYCLE',
        sessions: 6,
        priceCents: 9000,
      }),
    ).toBe('DISCIPLINE_REQUIRED');
    const outing = await f.call('outing.open', {
      title: 'Atelier',
      category: 'ARTISTIC',
      item: 'CYCLE',
      sessions: 6,
      discipline: 'CIRQUE',
      priceCents: 9000,
    });
    const pass = await f.call('outing.pass', {
      outingId: outing.outingId,
      scanId: (await f.scanNewYouth()).scanId,
      amountCents: 3000,
    });
    expect(f.till.journal.debits.get(pass.outcome!.debitId)).toMatchObject({
      sessions: 6,
      discipline: 'CIRQUE',
    });
    await f.call('outing.close', { outingId: outing.outingId });
  }, 60_000);

  it('a tariff may carry it for a cycle, never for another item', () => {
    const base = {
      id: 't1',
      label: 'Cycle danse',
      category: 'ARTISTIC',
      item: 'CYCLE',
      sessions: 10,
      priceCents: 12000,
    };
    expect(tariffSchema.safeParse({ ...base, discipline: 'DANSE' }).success).toBe(true);
    expect(
      tariffSchema.safeParse({
        ...base,
        category: 'SPORT',
        item: 'LICENCE',
        sessions: undefined,
        discipline: 'DANSE',
      }).success,
    ).toBe(false);
  });
});
