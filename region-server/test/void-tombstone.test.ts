// A till abandons a debit whose POST may still be in flight: its void reaches the Region first and
// answers 404 UNKNOWN_DEBIT. The Region buries that id, so the delayed POST, when it arrives, is
// refused with 422 DEBIT_VOIDED and moves no wallet — even after a restart.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../../test/support/region-for-tests';
import { youthWithCoupon } from '../../test/support/region-server';
import { debitBody, enrolTill, tillForTests } from './till-client';

const NOW = '2025-10-03T16:00:00.000Z';
const region = regionForTests({ now: NOW });
const cinema = tillForTests(region, ['CINEMA']);

async function cinemaBalance(beneficiaryId: string): Promise<number> {
  const b = await region.admin.beneficiary(beneficiaryId);
  return b.wallets.find((w) => w.wallet === 'CINEMA')?.balanceCents ?? Number.NaN;
}

describe('a void that arrives before its debit', () => {
  it('answers 404, then refuses the late debit with DEBIT_VOIDED for ever, leaving the wallet and the token untouched', async () => {
    const youth = await region.admin.createBeneficiary({
      givenName: 'Léa',
      familyName: 'Martin',
      birthDate: '2008-03-14',
    });
    const token = await region.admin.mintPass({ beneficiaryId: youth.id });
    const debitId = randomUUID();

    const early = await cinema.void(debitId);
    expect([early.status, early.json.code]).toEqual([404, 'UNKNOWN_DEBIT']);

    const body = debitBody({ id: debitId, token, occurredAt: NOW, amountCents: 700, priceCents: 900 });
    const late = await cinema.call('POST', '/v1/debits', body);
    expect([late.status, late.json.code]).toEqual([422, 'DEBIT_VOIDED']);
    expect(await cinemaBalance(youth.id)).toBe(2000);
    expect((await region.admin.ledger()).some((d) => d.id === debitId)).toBe(false);

    // The refusal is final: replayed byte for byte, and it survives a restart.
    await region.restart();
    const again = await cinema.call('POST', '/v1/debits', body);
    expect([again.status, again.text]).toEqual([422, late.text]);

    // The youth's pass was not spent by the buried debit: a fresh debit with it goes through.
    const fresh = await cinema.debit({ token, amountCents: 700 });
    expect(fresh.status).toBe(201);
    expect(await cinemaBalance(youth.id)).toBe(1300);

    // Retrying the void with its id asks again and still finds nothing: the till's final word holds.
    const retried = await cinema.void(debitId);
    expect([retried.status, retried.json.code]).toEqual([404, 'UNKNOWN_DEBIT']);
  });

  it('buries the id for that partner only', async () => {
    const other = await enrolTill(region, ['CINEMA']);
    const youth = await region.admin.createBeneficiary({
      givenName: 'Hugo',
      familyName: 'Petit',
      birthDate: '2007-01-02',
    });
    const debitId = randomUUID();
    expect((await other.void(debitId)).status).toBe(404);
    const mine = await cinema.debit({
      id: debitId,
      token: await region.admin.mintPass({ beneficiaryId: youth.id }),
    });
    expect(mine.status).toBe(201);
  });

  it('refuses a coupon redemption whose debit id was voided first', async () => {
    const club = await enrolTill(region, ['SPORT']);
    const { coupon } = await youthWithCoupon(
      region,
      { givenName: 'Inès', familyName: 'Roux', birthDate: '2006-06-06' },
      { partnerId: club.partnerId, category: 'SPORT', amountCents: 2500 },
    );
    const debitId = randomUUID();
    expect((await club.void(debitId)).status).toBe(404);
    const redeem = await club.call('POST', `/v1/coupons/${coupon.id}/redeem`, {
      id: debitId,
      deviceSeq: 1,
      item: 'LICENCE',
      priceCents: 12000,
      occurredAt: NOW,
      cashierId: 'c1',
    });
    expect([redeem.status, redeem.json.code]).toEqual([422, 'DEBIT_VOIDED']);
    const couponNow = await club.call('POST', '/v1/coupons/resolve', { code: coupon.code });
    expect((couponNow.json.coupon as { status: string }).status).toBe('reserved');
  });
});
