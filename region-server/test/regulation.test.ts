// The Region's rules of issue 17 (items 1–3), over real HTTP against the real server and its SQLite file:
// closed months refuse what is dated in them, an online debit's season is the Region's clock, and only a
// youth the regulation admits can become a member (docs/regulation-choices.md for the age reading).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parisDay } from '../../protocol/paris-time';
import { makeTempDir } from '../../test/support/tmp';
import { AdminError, type RegionHandle, youthWithCoupon } from '../../test/support/region-server';
import { regionForTests } from '../../test/support/region-for-tests';
import { openDatabase } from '../db/open-database';
import { ageOn } from '../domain/membership';
import { makeRegion } from '../domain/region';
import { seedDemo } from '../seed/demo-seed';
import { anotherBirthDate, tillForTests, type Till } from './till-client';

const NOW = '2025-10-03T16:00:00.000Z';
const region = regionForTests({ now: NOW });
const cinema = tillForTests(region, ['CINEMA']);
const club = tillForTests(region, ['SPORT'], 'Lisieux Basket Club');
beforeEach(async () => {
  await region.admin.setClock(NOW);
  await region.admin.setOfflinePolicy({ enabled: true, floorLimitCents: 2000, maxOfflineHours: 72 });
});

/** A youth who joined in September 2025, before any debit these tests date. */
async function member(fields: { season?: number; joinedAt?: string } = {}): Promise<string> {
  return (
    await region.admin.createBeneficiary({
      givenName: 'Nathan',
      familyName: 'Moreau',
      birthDate: anotherBirthDate(),
      joinedAt: '2025-09-01T10:00:00.000Z',
      wallets: { CINEMA: 100_000 },
      ...fields,
    })
  ).id;
}

/** The admin call's refusal as [status, code], or [201, id] when it was accepted. */
async function joining(
  input: Parameters<RegionHandle['admin']['createBeneficiary']>[0],
): Promise<[number, string]> {
  try {
    return [201, (await region.admin.createBeneficiary(input)).id];
  } catch (error) {
    if (error instanceof AdminError) return [error.status, (error.body as { code: string }).code];
    throw error;
  }
}

const statementOf = async (till: Till, month: string) =>
  (await till.call('GET', `/v1/statements/${month}`)).json as {
    status: string;
    debitCount: number;
    totalCents: number;
  };

describe('a closed month (issue 17, item 1)', () => {
  it('closes no earlier than maxOfflineHours after its end, so an offline debit sent in time still counts', async () => {
    const b = await member();
    // 30 September 23:00 Paris; the till is offline and sends it 71 hours later.
    const token = await region.admin.mintPass({
      beneficiaryId: b,
      iat: Date.parse('2025-09-30T20:58:00.000Z') / 1000,
    });
    await region.admin.setClock('2025-10-03T20:00:00.000Z');
    await expect(region.admin.closeMonth('2025-09')).rejects.toMatchObject({ status: 409 });
    const offlineBody = {
      id: randomUUID(),
      deviceSeq: 901,
      token,
      mode: 'offline' as const,
      occurredAt: '2025-09-30T21:00:00.000Z',
      amountCents: 700,
      priceCents: 700,
    };
    const offline = await cinema.debit(offlineBody);
    expect(offline.status).toBe(201);

    // 30 September ended at 22:00 UTC (CEST): the month may close from 3 October 22:00 UTC, not a millisecond before.
    await region.admin.setClock('2025-10-03T21:59:59.999Z');
    await expect(region.admin.closeMonth('2025-09')).rejects.toMatchObject({
      status: 409,
      body: { code: 'VALIDATION_FAILED' },
    });
    await region.admin.setClock('2025-10-03T22:00:00.000Z');
    expect(await region.admin.closeMonth('2025-09')).toEqual({
      month: '2025-09',
      closedAt: '2025-10-03T22:00:00.000Z',
    });
    expect(await statementOf(cinema, '2025-09')).toMatchObject({
      status: 'closed',
      debitCount: 1,
      totalCents: 700,
    });
    // Its answer lost, the till sends it again after the close: the first answer, not MONTH_CLOSED.
    expect((await cinema.debit(offlineBody)).text).toBe(offline.text);
  });

  it('refuses a debit dated in it with MONTH_CLOSED, online or offline, and changes nothing', async () => {
    await region.admin.setClock('2025-10-04T09:00:00.000Z');
    await region.admin.closeMonth('2025-09'); // already closed above: answers the first closure
    await region.admin.setClock(NOW);
    const b = await member();
    const before = await statementOf(cinema, '2025-09');
    expect(before.status).toBe('closed');
    const balance = async () =>
      (await region.admin.beneficiary(b)).wallets.find((w) => w.wallet === 'CINEMA')?.balanceCents;
    const start = await balance();

    // An online debit whose answer was lost, resent by the outbox after the month closed (it used to get
    // OFFLINE_TOO_LATE, or CLOCK_SKEW: neither says why the Region refuses it).
    const online = {
      id: randomUUID(),
      deviceSeq: 900,
      token: await region.admin.mintPass({ beneficiaryId: b }),
      occurredAt: '2025-09-30T21:00:00.000Z',
      mode: 'online' as const,
    };
    await region.admin.setClock('2025-10-04T09:00:00.000Z');
    const late = await cinema.debit(online);
    expect([late.status, late.json.code]).toEqual([422, 'MONTH_CLOSED']);
    expect((await cinema.debit(online)).text).toBe(late.text);

    // An offline debit past the policy and in a closed month: the closed month is the reason.
    const offline = await cinema.debit({
      token: await region.admin.mintPass({
        beneficiaryId: b,
        iat: Date.parse('2025-09-30T20:58:00.000Z') / 1000,
      }),
      mode: 'offline',
      occurredAt: '2025-09-30T21:00:00.000Z',
    });
    expect([offline.status, offline.json.code]).toEqual([422, 'MONTH_CLOSED']);

    // Even with the clock put back inside the month, the closed statement takes nothing more.
    await region.admin.setClock('2025-09-30T21:30:00.000Z');
    const rewound = await cinema.debit({
      token: await region.admin.mintPass({ beneficiaryId: b }),
      occurredAt: '2025-09-30T21:30:00.000Z',
    });
    expect([rewound.status, rewound.json.code]).toEqual([422, 'MONTH_CLOSED']);

    expect(await balance()).toBe(start);
    expect(await statementOf(cinema, '2025-09')).toEqual(before);
    expect((await region.admin.ledger()).filter((d) => d.beneficiaryId === b)).toEqual([]);
  });

  it('refuses a coupon redemption dated in it with MONTH_CLOSED; the coupon stays reserved', async () => {
    await region.admin.setClock('2025-09-20T10:00:00.000Z');
    const { coupon } = await youthWithCoupon(
      region,
      { givenName: 'Lucas', familyName: 'Girard', birthDate: anotherBirthDate() },
      { partnerId: club.partnerId, category: 'SPORT', amountCents: 2000 },
    );
    const before = await statementOf(club, '2025-09');
    await region.admin.setClock('2025-09-30T21:30:00.000Z'); // 23:30 Paris, 30 September: the month is closed
    const body = {
      id: randomUUID(),
      deviceSeq: 1,
      item: 'LICENCE',
      priceCents: 9000,
      occurredAt: '2025-09-30T21:30:00.000Z',
      cashierId: 'c1',
    };
    const r = await club.call('POST', `/v1/coupons/${coupon.id}/redeem`, body);
    expect([r.status, r.json.code]).toEqual([422, 'MONTH_CLOSED']);
    expect(await statementOf(club, '2025-09')).toEqual(before);
    expect((await region.admin.ledger()).filter((d) => d.couponId === coupon.id)).toEqual([]);

    // In an open month the same coupon redeems.
    await region.admin.setClock('2025-10-05T10:00:00.000Z');
    const inOctober = await club.call('POST', `/v1/coupons/${coupon.id}/redeem`, {
      ...body,
      id: randomUUID(),
      occurredAt: '2025-10-05T10:00:00.000Z',
    });
    expect([inOctober.status, inOctober.json.status]).toEqual([201, 'redeemed']);
  });
});

describe('the season of a debit (issue 17, item 2)', () => {
  // 30 June 2026 ends at 22:00 UTC (midnight in Paris, CEST).
  const lastSecond = '2026-06-30T21:59:58.000Z';

  it('judges an online debit at the Region clock: last season is over at midnight, whatever the till says', async () => {
    const b = await member();
    await region.admin.setClock('2026-06-30T22:00:30.000Z');
    // The till's clock is 32 s behind: within the 5-minute skew, yet last season's money is gone.
    const late = await cinema.debit({
      token: await region.admin.mintPass({ beneficiaryId: b }),
      occurredAt: lastSecond,
      amountCents: 100,
      priceCents: 100,
    });
    expect([late.status, late.json.code]).toEqual([422, 'SEASON_CLOSED']);

    // The other way round: the Region is still in the season, the till's clock already says July.
    await region.admin.setClock('2026-06-30T21:59:59.000Z');
    const early = await cinema.debit({
      token: await region.admin.mintPass({ beneficiaryId: b }),
      occurredAt: '2026-06-30T22:00:02.000Z',
      amountCents: 100,
      priceCents: 100,
    });
    expect(early.status).toBe(201);
  });

  it('judges an offline debit at its occurredAt, within the policy', async () => {
    const b = await member();
    const token = await region.admin.mintPass({
      beneficiaryId: b,
      iat: Date.parse('2026-06-30T21:57:00.000Z') / 1000,
    });
    await region.admin.setClock('2026-07-01T09:00:00.000Z');
    const made = await cinema.debit({
      token,
      mode: 'offline',
      occurredAt: lastSecond,
      amountCents: 100,
      priceCents: 100,
    });
    expect(made.status).toBe(201);
    const after = await cinema.debit({
      token: await region.admin.mintPass({
        beneficiaryId: b,
        iat: Date.parse('2026-06-30T21:59:00.000Z') / 1000,
      }),
      mode: 'offline',
      occurredAt: '2026-06-30T22:00:00.000Z',
      amountCents: 100,
      priceCents: 100,
    });
    expect([after.status, after.json.code]).toEqual([422, 'SEASON_CLOSED']);
  });

  it('refuses a coupon past the season by the Region clock, whatever occurredAt the till sends', async () => {
    await region.admin.setClock('2026-05-02T10:00:00.000Z');
    const { coupon } = await youthWithCoupon(
      region,
      { givenName: 'Maël', familyName: 'Le Gall-Hébert', birthDate: anotherBirthDate() },
      { partnerId: club.partnerId, category: 'SPORT', amountCents: 1000 },
    );
    await region.admin.setClock('2026-06-30T22:00:30.000Z');
    const r = await club.call('POST', `/v1/coupons/${coupon.id}/redeem`, {
      id: randomUUID(),
      deviceSeq: 2,
      item: 'LICENCE',
      priceCents: 5000,
      occurredAt: lastSecond,
      cashierId: 'c1',
    });
    // The coupon lived until the season's last second; past it, it reads expired before any other check.
    expect([r.status, r.json.code]).toEqual([422, 'COUPON_EXPIRED']);
  });
});

describe('who may join (issue 17, item 3)', () => {
  const person = (birthDate: string, more: Record<string, unknown> = {}) => ({
    givenName: 'Camille',
    familyName: `Essai-${birthDate}`,
    birthDate,
    ...more,
  });

  it('admits 15 to 25 in completed years on the day of joining, the 15th birthday in and the 26th out', async () => {
    // Joining on 3 October 2025 (Paris).
    expect(await joining(person('2010-10-03'))).toEqual([201, expect.any(String)]); // 15 today
    expect(await joining(person('2010-10-04'))).toEqual([422, 'AGE_NOT_ELIGIBLE']); // 15 tomorrow
    expect(await joining(person('1999-10-04'))).toEqual([201, expect.any(String)]); // 25, for one more day
    expect(await joining(person('1999-10-03'))).toEqual([422, 'AGE_NOT_ELIGIBLE']); // 26 today
  });

  it('admits a lycée pupil under 15 only with Atouts Livre eligibility', async () => {
    expect(await joining(person('2011-02-01'))).toEqual([422, 'AGE_NOT_ELIGIBLE']);
    expect(await joining(person('2011-02-02', { atoutsLivreEligible: true }))).toEqual([
      422,
      'AGE_NOT_ELIGIBLE',
    ]);
    expect(await joining(person('2011-02-03', { lyceen: true }))).toEqual([422, 'ATOUTS_LIVRE_REQUIRED']);
    const [status, id] = await joining(person('2011-02-04', { lyceen: true, atoutsLivreEligible: true }));
    expect(status).toBe(201);
    expect(await region.admin.beneficiary(id)).toMatchObject({
      birthDate: '2011-02-04',
      season: 2025,
      membership: 'active',
      joinedAt: NOW,
    });
    // The exception is for the young, not a way past 25.
    expect(await joining(person('1999-01-01', { lyceen: true, atoutsLivreEligible: true }))).toEqual([
      422,
      'AGE_NOT_ELIGIBLE',
    ]);
  });

  it('takes memberships from 1 July to 31 May, Paris time, and never from the future', async () => {
    await region.admin.setClock('2026-05-31T21:59:59.000Z'); // 31 May 23:59:59 Paris
    expect(await joining(person('2005-01-10'))).toEqual([201, expect.any(String)]);
    await region.admin.setClock('2026-05-31T22:00:00.000Z'); // 1 June 00:00 Paris
    expect(await joining(person('2005-01-11', { joinedAt: '2026-05-31T22:00:00.000Z' }))).toEqual([
      422,
      'JOINING_CLOSED',
    ]);
    // A membership the back office records late, for a joining made in time, is accepted as of that day.
    expect((await joining(person('2005-01-12', { joinedAt: '2026-05-20T08:00:00.000Z' })))[0]).toBe(201);
    // Recorded in June with no date, it can only be such a late record: joined on 31 May, at the last instant.
    const [, late] = await joining(person('2005-01-15'));
    expect(await region.admin.beneficiary(late)).toMatchObject({
      season: 2025,
      joinedAt: '2026-05-31T21:59:59.999Z',
    });
    // Next season opens on 1 July, not before.
    expect(await joining(person('2005-01-13', { season: 2026 }))).toEqual([422, 'JOINING_CLOSED']);
    expect(await joining(person('2005-01-14', { joinedAt: '2026-06-02T08:00:00.000Z' }))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    await region.admin.setClock('2026-06-30T22:00:00.000Z'); // 1 July 00:00 Paris
    const [status, id] = await joining(person('2005-01-13'));
    expect(status).toBe(201);
    expect((await region.admin.beneficiary(id)).season).toBe(2026);
  });

  it('takes one membership per person and season, however the name is typed', async () => {
    const first = await joining({
      givenName: 'Maëlys',
      familyName: 'Le Gall-Hébert',
      birthDate: '2007-04-04',
    });
    expect(first[0]).toBe(201);
    expect(
      await joining({ givenName: 'MAELYS', familyName: 'le gall hebert', birthDate: '2007-04-04' }),
    ).toEqual([409, 'ALREADY_MEMBER']);
    // A namesake born another day is another person.
    expect(
      (await joining({ givenName: 'Maëlys', familyName: 'Le Gall-Hébert', birthDate: '2007-04-05' }))[0],
    ).toBe(201);
    // The next season is another membership.
    await region.admin.setClock('2026-07-02T10:00:00.000Z');
    expect(
      (await joining({ givenName: 'Maëlys', familyName: 'Le Gall-Hébert', birthDate: '2007-04-04' }))[0],
    ).toBe(201);
  });

  it('refuses a birth date that is no calendar day, or after the joining', async () => {
    expect(await joining(person('2009-02-30'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await joining(person('2025-10-04'))).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('the demo seed', () => {
  it('creates only youths the regulation admits, whenever in the season it is seeded', () => {
    const tmp = makeTempDir('region-seed');
    try {
      // 1 July 00:00 Paris (the first day of joining), autumn, the last second of joining, and June (closed).
      [
        '2025-06-30T22:00:00.000Z',
        '2025-11-15T10:00:00.000Z',
        '2026-05-31T21:59:59.000Z',
        '2026-06-20T10:00:00.000Z',
      ].forEach((at, i) => {
        const db = openDatabase(join(tmp.dir, `seed-${i}.db`));
        try {
          const seeded = makeRegion(db);
          seeded.settings.setClock(Date.parse(at));
          const facts = seedDemo(seeded);
          expect(facts.beneficiaries).toHaveLength(13);
          for (const y of facts.beneficiaries) {
            const row = db
              .prepare('SELECT joined_at, under15_exception FROM beneficiaries WHERE id = ?')
              .get(y.id) as { joined_at: string; under15_exception: number };
            expect(Date.parse(row.joined_at)).toBeLessThanOrEqual(Date.parse(at));
            const age = ageOn(y.birthDate, parisDay(Date.parse(row.joined_at)));
            expect(age).toBeLessThanOrEqual(25);
            expect(age >= 15 || row.under15_exception === 1).toBe(true);
          }
        } finally {
          db.close();
        }
      });
    } finally {
      tmp.remove();
    }
  });
});
