import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { regionForTests } from '../../test/support/region-for-tests';
import { anotherBirthDate, enrolTill, tillForTests, type Till } from './till-client';

const NOW = '2025-10-03T16:00:00.000Z';
const region = regionForTests({ now: NOW });
const club = tillForTests(region, ['SPORT'], 'Lisieux Basket Club');
const school = tillForTests(region, ['ARTISTIC'], 'École de musique');
beforeEach(async () => {
  await region.admin.setClock(NOW);
});

async function youth(): Promise<string> {
  return (
    await region.admin.createBeneficiary({
      givenName: 'Chloé',
      familyName: 'Dubois',
      birthDate: anotherBirthDate(),
    })
  ).id;
}

const redeemBody = (fields: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  deviceSeq: 1,
  item: 'LICENCE',
  priceCents: 12000,
  occurredAt: NOW,
  cashierId: 'c1',
  ...fields,
});
/** A coupon of the youth's for the club (SPORT) or the school (ARTISTIC). */
const couponOf = (beneficiaryId: string, at: 'club' | 'school', amountCents: number, expiresAt?: string) =>
  region.admin.createCoupon({
    beneficiaryId,
    partnerId: (at === 'club' ? club : school).partnerId,
    category: at === 'club' ? 'SPORT' : 'ARTISTIC',
    amountCents,
    ...(expiresAt ? { expiresAt } : {}),
  });
const redeem = (till: Till, couponId: string, body = redeemBody()) =>
  till.call('POST', `/v1/coupons/${couponId}/redeem`, body);

describe('coupons', () => {
  it('reserves the amount, lists it, resolves it by code in any case or by token, and redeems it in full', async () => {
    const b = await youth();
    const coupon = await couponOf(b, 'club', 2500);
    expect(coupon.code).toMatch(/^CP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(coupon.token.startsWith('ATC1:')).toBe(true);
    expect(
      (await region.admin.beneficiary(b)).wallets.find((w) => w.wallet === 'PRATIQUE')?.balanceCents,
    ).toBe(500);

    const list = await club.call('GET', '/v1/coupons?status=reserved');
    expect((list.json.items as { id: string }[]).map((c) => c.id)).toContain(coupon.id);
    expect(
      (list.json.items as { id: string; beneficiary: unknown }[]).find((c) => c.id === coupon.id)
        ?.beneficiary,
    ).toMatchObject({ givenName: 'Chloé', familyName: 'Dubois' });

    const typed = coupon.code.toLowerCase().replace(/-/g, '');
    const byCode = await club.call('POST', '/v1/coupons/resolve', { code: typed });
    expect(byCode.status).toBe(200);
    expect(byCode.json.coupon).toMatchObject({
      id: coupon.id,
      code: coupon.code,
      category: 'SPORT',
      amountCents: 2500,
      status: 'reserved',
      beneficiary: { id: b, givenName: 'Chloé' },
      expiresAt: expect.any(String),
    });
    const byToken = await club.call('POST', '/v1/coupons/resolve', { token: coupon.token });
    expect(byToken.json.coupon).toEqual(byCode.json.coupon);

    const body = redeemBody();
    const redeemed = await redeem(club, coupon.id, body);
    expect([redeemed.status, redeemed.json]).toEqual([
      201,
      { couponId: coupon.id, debitId: body.id, status: 'redeemed', amountCents: 2500 },
    ]);
    expect((await redeem(club, coupon.id, body)).text).toBe(redeemed.text);
    const again = await redeem(club, coupon.id);
    expect(again.json.code).toBe('COUPON_REDEEMED');
    expect((await club.call('POST', '/v1/coupons/resolve', { code: coupon.code })).json.code).toBe(
      'COUPON_REDEEMED',
    );
    expect((await region.admin.ledger()).find((d) => d.id === body.id)).toMatchObject({
      amountCents: 2500,
      priceCents: 12000,
      couponId: coupon.id,
      beneficiaryId: b,
    });
    expect(
      (await region.admin.beneficiary(b)).wallets.find((w) => w.wallet === 'PRATIQUE')?.balanceCents,
    ).toBe(500);
  });

  it('refuses an unknown code, another partner, a cancelled or expired coupon', async () => {
    const b = await youth();
    expect((await club.call('POST', '/v1/coupons/resolve', { code: 'CP-0000-0000' })).json.code).toBe(
      'COUPON_UNKNOWN',
    );
    expect((await club.call('POST', '/v1/coupons/resolve', { code: 'CP-IIII-LLLL' })).json.code).toBe(
      'COUPON_UNKNOWN',
    );
    expect((await redeem(club, 'C-999999')).json.code).toBe('COUPON_UNKNOWN');

    const theirs = await couponOf(b, 'school', 500);
    expect((await club.call('POST', '/v1/coupons/resolve', { code: theirs.code })).json.code).toBe(
      'COUPON_OTHER_PARTNER',
    );
    expect((await redeem(club, theirs.id)).json.code).toBe('COUPON_OTHER_PARTNER');

    const cancelled = await couponOf(b, 'club', 500);
    await region.admin.cancelCoupon(cancelled.id);
    expect((await club.call('POST', '/v1/coupons/resolve', { code: cancelled.code })).json.code).toBe(
      'COUPON_CANCELLED',
    );

    const short = await couponOf(b, 'club', 500, '2025-10-10T00:00:00.000Z');
    await region.admin.setClock('2025-10-11T00:00:00.000Z');
    expect((await club.call('POST', '/v1/coupons/resolve', { code: short.code })).json.code).toBe(
      'COUPON_EXPIRED',
    );
    expect((await club.call('POST', '/v1/coupons/resolve', { token: short.token })).json.code).toBe(
      'COUPON_EXPIRED',
    );
    expect(
      (await redeem(club, short.id, redeemBody({ occurredAt: '2025-10-11T00:00:00.000Z' }))).json.code,
    ).toBe('COUPON_EXPIRED');
  });

  it('gives the amount of an expired coupon back to the wallet, and of a redemption voided after the expiry too', async () => {
    const pratique = async (b: string) =>
      (await region.admin.beneficiary(b)).wallets.find((w) => w.wallet === 'PRATIQUE')?.balanceCents;
    const b = await youth();
    // Both expire this evening: a void is allowed until the end of the Paris day of the debit.
    const idle = await couponOf(b, 'club', 700, '2025-10-03T18:00:00.000Z');
    const used = await couponOf(b, 'club', 1000, '2025-10-03T18:00:00.000Z');
    const body = redeemBody();
    expect((await redeem(club, used.id, body)).status).toBe(201);
    expect(await pratique(b)).toBe(3000 - 700 - 1000);

    await region.admin.setClock('2025-10-03T18:00:01.000Z');
    expect((await club.call('POST', '/v1/coupons/resolve', { code: idle.code })).json.code).toBe(
      'COUPON_EXPIRED',
    );
    expect(await pratique(b)).toBe(3000 - 1000);
    // The money is spendable again, by a pass at any partner of the category.
    const pass = await region.admin.mintPass({ beneficiaryId: b });
    const spent = await club.debit({ token: pass, amountCents: 2000, priceCents: 2000 });
    expect([spent.status, spent.json.walletBalanceCents]).toEqual([201, 0]);
    // The redemption, voided once its coupon has expired, gives its amount back to the wallet as well.
    const voided = await club.void(body.id, { reason: 'erreur' });
    expect([voided.status, voided.json.walletBalanceCents]).toEqual([200, 1000]);
    expect(await pratique(b)).toBe(1000);
    expect((await club.call('POST', '/v1/coupons/resolve', { code: used.code })).json.code).toBe(
      'COUPON_EXPIRED',
    );
  });

  it('applies the debit rules to a redemption', async () => {
    const b = await youth();
    const c = await couponOf(b, 'school', 2000);
    const broken: [Record<string, unknown>, string][] = [
      [{ sessions: 4 }, 'ITEM_NOT_ELIGIBLE'],
      [{ sessions: 6, priceCents: 1999 }, 'AMOUNT_INVALID'],
      [{ sessions: 6, occurredAt: '2025-10-03T17:00:00.000Z' }, 'CLOCK_SKEW'],
    ];
    for (const [fields, code] of broken) {
      const r = await redeem(school, c.id, redeemBody({ item: 'CYCLE', ...fields }));
      expect([fields, r.json.code]).toEqual([fields, code]);
    }
    expect((await redeem(school, c.id, redeemBody({ item: 'CYCLE', sessions: 6 }))).status).toBe(201);
    const cinema = await enrolTill(region, ['CINEMA']);
    expect((await cinema.call('POST', '/v1/coupons/resolve', { code: c.code })).json.code).toBe(
      'NOT_ACCREDITED',
    );
  });

  it('puts a voided redemption back to reserved', async () => {
    const b = await youth();
    const c = await couponOf(b, 'club', 1000);
    const body = redeemBody();
    await redeem(club, c.id, body);
    const v = await club.void(body.id, { reason: 'erreur' });
    expect(v.status).toBe(200);
    expect((await club.call('POST', '/v1/coupons/resolve', { code: c.code })).json.coupon).toMatchObject({
      status: 'reserved',
    });
  });
});

describe('bons plans', () => {
  it('lists offers and participants, checks in a registrant once, refuses others', async () => {
    const theatre = await enrolTill(region, ['SPECTACLE'], 'Théâtre');
    const offer = await region.admin.createOffer({
      partnerId: theatre.partnerId,
      title: 'Générale ouverte',
      startsAt: '2025-10-01T00:00:00.000Z',
      endsAt: '2025-10-31T00:00:00.000Z',
      places: 2,
      designation: 'registration',
    });
    const lea = await youth();
    const hugo = await youth();
    const inès = await youth();
    await region.admin.addParticipant(offer.id, { beneficiaryId: lea, status: 'registered' });
    await region.admin.addParticipant(offer.id, { beneficiaryId: hugo, status: 'cancelled' });

    const offers = await theatre.call('GET', '/v1/offers');
    expect(offers.json).toEqual([
      {
        id: offer.id,
        title: 'Générale ouverte',
        startsAt: '2025-10-01T00:00:00.000Z',
        endsAt: '2025-10-31T00:00:00.000Z',
        places: 2,
        designation: 'registration',
      },
    ]);
    const participants = await theatre.call('GET', `/v1/offers/${offer.id}/participants`);
    expect(participants.json).toEqual([
      { beneficiaryId: lea, givenName: 'Chloé', familyName: 'Dubois', status: 'registered' },
      { beneficiaryId: hugo, givenName: 'Chloé', familyName: 'Dubois', status: 'cancelled' },
    ]);
    expect((await club.call('GET', `/v1/offers/${offer.id}/participants`)).json.code).toBe('NOT_FOUND');

    const token = await region.admin.mintPass({ beneficiaryId: lea });
    const first = await theatre.call('POST', `/v1/offers/${offer.id}/checkins`, {
      id: randomUUID(),
      token,
      occurredAt: NOW,
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      status: 'checked_in',
      participant: { beneficiaryId: lea, status: 'checked_in' },
    });
    const second = await theatre.call('POST', `/v1/offers/${offer.id}/checkins`, {
      id: randomUUID(),
      token: await region.admin.mintPass({ beneficiaryId: lea }),
      occurredAt: NOW,
    });
    expect([second.status, second.json]).toEqual([201, first.json]);

    const cancelled = await theatre.call('POST', `/v1/offers/${offer.id}/checkins`, {
      id: randomUUID(),
      token: await region.admin.mintPass({ beneficiaryId: hugo }),
      occurredAt: NOW,
    });
    expect(cancelled.json.code).toBe('NOT_REGISTERED');
    const stranger = await theatre.call('POST', `/v1/offers/${offer.id}/checkins`, {
      id: randomUUID(),
      token: await region.admin.mintPass({ beneficiaryId: inès }),
      occurredAt: NOW,
    });
    expect(stranger.json.code).toBe('NOT_REGISTERED');

    await region.admin.setClock('2025-11-01T00:00:00.000Z');
    await region.admin.addParticipant(offer.id, { beneficiaryId: inès, status: 'registered' });
    const closed = await theatre.call('POST', `/v1/offers/${offer.id}/checkins`, {
      id: randomUUID(),
      token: await region.admin.mintPass({ beneficiaryId: inès }),
      occurredAt: '2025-11-01T00:00:00.000Z',
    });
    expect(closed.json.code).toBe('OFFER_CLOSED');
  });
});

describe('statements', () => {
  it('counts accepted, not voided debits per Paris month; closes, pays, and sets contestUntil', async () => {
    const cinema = await enrolTill(region, ['CINEMA']);
    const { id: b } = await region.admin.createBeneficiary({
      givenName: 'Théo',
      familyName: 'Fournier',
      birthDate: '2007-07-27',
      wallets: { CINEMA: 100_000 },
    });
    // 31 October 23:30 Paris (22:30 UTC, CET) belongs to October; 1 November 00:30 Paris to November.
    const at = async (iso: string, amountCents: number): Promise<string> => {
      await region.admin.setClock(iso);
      const r = await cinema.debit({
        token: await region.admin.mintPass({ beneficiaryId: b }),
        amountCents,
        priceCents: amountCents,
      });
      return String(r.json.id);
    };
    await at('2025-10-15T10:00:00.000Z', 500);
    const voided = await at('2025-10-20T10:00:00.000Z', 700);
    await cinema.void(voided);
    await at('2025-10-31T22:30:00.000Z', 300);
    await at('2025-10-31T23:30:00.000Z', 900);

    await region.admin.setClock('2025-11-02T10:00:00.000Z');
    const open = await cinema.call('GET', '/v1/statements');
    const oct = (open.json as unknown as { month: string }[]).find((s) => s.month === '2025-10');
    expect(oct).toEqual({
      month: '2025-10',
      status: 'open',
      debitCount: 2,
      totalCents: 800,
      closedAt: null,
      paidAt: null,
      contestUntil: null,
    });

    // A month closes no earlier than the offline policy's 72 h after its end (31 October 23:00 UTC).
    await expect(region.admin.closeMonth('2025-10')).rejects.toMatchObject({ status: 409 });
    await region.admin.setClock('2025-11-03T23:00:00.000Z');
    await region.admin.closeMonth('2025-10');
    const closed = await cinema.call('GET', '/v1/statements/2025-10');
    expect(closed.json).toMatchObject({
      month: '2025-10',
      status: 'closed',
      debitCount: 2,
      totalCents: 800,
      closedAt: '2025-11-03T23:00:00.000Z',
      paidAt: null,
    });
    expect((closed.json.lines as { amountCents: number }[]).map((l) => l.amountCents)).toEqual([500, 300]);

    await region.admin.payMonth('2025-10', '2025-11-10T09:00:00.000Z');
    const paid = await cinema.call('GET', '/v1/statements/2025-10');
    expect(paid.json).toMatchObject({
      status: 'paid',
      paidAt: '2025-11-10T09:00:00.000Z',
      contestUntil: '2025-12-10T09:00:00.000Z',
    });
    const nov = await cinema.call('GET', '/v1/statements/2025-11');
    expect(nov.json).toMatchObject({ month: '2025-11', status: 'open', debitCount: 1, totalCents: 900 });
  });

  it('refuses to close a month that has not ended', async () => {
    await expect(region.admin.closeMonth('2025-10')).rejects.toMatchObject({ status: 409 });
  });
});
