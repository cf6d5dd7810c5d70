import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { regionForTests } from '../../test/support/region-for-tests';
import { anotherBirthDate, debitBody, enrolTill, tillForTests } from './till-client';

const NOW = '2025-10-03T16:00:00.000Z';
const region = regionForTests({ now: NOW });
const cinema = tillForTests(region, ['CINEMA']);
beforeEach(async () => {
  await region.admin.setClock(NOW);
  await region.admin.setOfflinePolicy({ enabled: true, floorLimitCents: 2000, maxOfflineHours: 72 });
});

async function youth(wallets?: {
  CINEMA?: number;
  SPECTACLE?: number;
  PRATIQUE?: number;
  LOCAL?: number;
}): Promise<{ id: string; birthDate: string; pass: () => Promise<string> }> {
  const birthDate = anotherBirthDate();
  const b = await region.admin.createBeneficiary({
    givenName: 'Léa',
    familyName: 'Martin',
    birthDate,
    ...(wallets ? { wallets } : {}),
  });
  return { id: b.id, birthDate, pass: () => region.admin.mintPass({ beneficiaryId: b.id }) };
}

async function balance(
  beneficiaryId: string,
  wallet: 'CINEMA' | 'SPECTACLE' | 'PRATIQUE' | 'LOCAL',
): Promise<number> {
  const b = await region.admin.beneficiary(beneficiaryId);
  return b.wallets.find((w) => w.wallet === wallet)?.balanceCents ?? Number.NaN;
}

describe('POST /v1/passes/resolve', () => {
  it('shows who the pass belongs to and the live balances, without consuming it', async () => {
    const y = await youth();
    const token = await y.pass();
    for (let i = 0; i < 2; i++) {
      const r = await cinema.call('POST', '/v1/passes/resolve', { token });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        beneficiary: { id: y.id, givenName: 'Léa', familyName: 'Martin', birthDate: y.birthDate },
        season: 2025,
        membership: 'active',
        wallets: [
          { wallet: 'SPECTACLE', balanceCents: 3000 },
          { wallet: 'CINEMA', balanceCents: 2000 },
          { wallet: 'PRATIQUE', balanceCents: 3000 },
          { wallet: 'LOCAL', balanceCents: 500 },
        ],
        token: { jti: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), exp: expect.any(String) },
      });
    }
  });

  it('refuses a used, expired or inactive pass', async () => {
    const y = await youth();
    const token = await y.pass();
    expect((await cinema.debit({ token })).status).toBe(201);
    expect((await cinema.call('POST', '/v1/passes/resolve', { token })).json.code).toBe('TOKEN_USED');

    const old = await region.admin.mintPass({
      beneficiaryId: y.id,
      iat: Date.parse(NOW) / 1000 - 1000,
      ttlSeconds: 300,
    });
    expect((await cinema.call('POST', '/v1/passes/resolve', { token: old })).json.code).toBe('TOKEN_EXPIRED');

    await region.admin.setMembership(y.id, 'inactive');
    expect((await cinema.call('POST', '/v1/passes/resolve', { token: await y.pass() })).json.code).toBe(
      'MEMBERSHIP_INACTIVE',
    );
  });
});

describe('POST /v1/debits: the rules', () => {
  it('accepts a debit and moves the wallet', async () => {
    const y = await youth();
    const r = await cinema.debit({ token: await y.pass(), amountCents: 650, priceCents: 900 });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      id: expect.any(String),
      status: 'accepted',
      walletBalanceCents: 1350,
      acceptedAt: NOW,
    });
    expect(await balance(y.id, 'CINEMA')).toBe(1350);
  });

  it('refuses each broken rule with its own code and changes nothing', async () => {
    const y = await youth();
    const cases: [string, Record<string, unknown>, string][] = [
      ['other category', { category: 'SPECTACLE', item: 'PLACE' }, 'NOT_ACCREDITED'],
      ['unknown category', { category: 'CONFISERIE', item: 'SEANCE' }, 'NOT_ACCREDITED'],
      ['confectionery', { item: 'CONFISERIE' }, 'ITEM_NOT_ELIGIBLE'],
      ['item of another category', { item: 'PLACE' }, 'ITEM_NOT_ELIGIBLE'],
      ['zero', { amountCents: 0 }, 'AMOUNT_INVALID'],
      ['negative', { amountCents: -5 }, 'AMOUNT_INVALID'],
      ['fraction of a cent', { amountCents: 12.5, priceCents: 100 }, 'AMOUNT_INVALID'],
      ['above price', { amountCents: 900, priceCents: 800 }, 'AMOUNT_INVALID'],
      ['clock skew', { occurredAt: '2025-10-03T15:54:59.000Z' }, 'CLOCK_SKEW'],
      ['over balance', { amountCents: 2001, priceCents: 5000 }, 'INSUFFICIENT_BALANCE'],
      ['garbage token', { token: 'ATN1:ABC' }, 'TOKEN_INVALID'],
    ];
    for (const [name, fields, code] of cases) {
      const token = (fields.token as string | undefined) ?? (await y.pass());
      const r = await cinema.debit({ ...fields, token });
      expect([name, r.status, r.json.code]).toEqual([name, 422, code]);
    }
    expect(await balance(y.id, 'CINEMA')).toBe(2000);
    expect((await region.admin.ledger()).filter((d) => d.beneficiaryId === y.id)).toEqual([]);
  });

  it('accepts within 5 minutes of the server clock either way', async () => {
    const y = await youth();
    expect(
      (await cinema.debit({ token: await y.pass(), occurredAt: '2025-10-03T15:55:00.000Z' })).status,
    ).toBe(201);
    expect(
      (await cinema.debit({ token: await y.pass(), occurredAt: '2025-10-03T16:05:00.000Z' })).status,
    ).toBe(201);
  });

  it('refuses a second debit with the same token', async () => {
    const y = await youth();
    const token = await y.pass();
    expect((await cinema.debit({ token })).status).toBe(201);
    const again = await cinema.debit({ token });
    expect([again.status, again.json.code]).toEqual([422, 'TOKEN_USED']);
  });

  it('refuses an expired token, a coupon token and a token of an unpublished key', async () => {
    const y = await youth();
    const expired = await region.admin.mintPass({
      beneficiaryId: y.id,
      iat: Date.parse(NOW) / 1000 - 600,
      ttlSeconds: 300,
    });
    expect((await cinema.debit({ token: expired })).json.code).toBe('TOKEN_EXPIRED');
    const sport = await enrolTill(region, ['SPORT']);
    const coupon = await region.admin.createCoupon({
      beneficiaryId: y.id,
      partnerId: sport.partnerId,
      category: 'SPORT',
      amountCents: 100,
    });
    expect((await cinema.debit({ token: coupon.token })).json.code).toBe('TOKEN_INVALID');
  });

  it('checks the item rules of each category, cycles from 5 sessions', async () => {
    const y = await youth();
    const all = await enrolTill(region, ['SPECTACLE', 'CINEMA', 'SPORT', 'ARTISTIC', 'LOCAL']);
    const ok: [string, string, number?][] = [
      ['SPECTACLE', 'PLACE'],
      ['SPECTACLE', 'ABONNEMENT'],
      ['CINEMA', 'ABONNEMENT'],
      ['SPORT', 'LICENCE'],
      ['SPORT', 'ADHESION'],
      ['ARTISTIC', 'CYCLE', 5],
      ['LOCAL', 'ADHESION'],
    ];
    for (const [category, item, sessions] of ok) {
      const r = await all.debit({
        token: await y.pass(),
        category: category as 'CINEMA',
        item,
        amountCents: 100,
        priceCents: 100,
        ...(sessions ? { sessions } : {}),
      });
      expect([category, item, r.status]).toEqual([category, item, 201]);
    }
    const four = await all.debit({
      token: await y.pass(),
      category: 'ARTISTIC',
      item: 'CYCLE',
      sessions: 4,
      amountCents: 100,
      priceCents: 100,
    });
    expect(four.json.code).toBe('ITEM_NOT_ELIGIBLE');
    const noSessions = await all.call('POST', '/v1/debits', {
      id: randomUUID(),
      deviceSeq: 1,
      token: await y.pass(),
      category: 'ARTISTIC',
      item: 'CYCLE',
      amountCents: 100,
      priceCents: 100,
      occurredAt: NOW,
      mode: 'online',
      cashierId: 'c',
    });
    expect(noSessions.json.code).toBe('ITEM_NOT_ELIGIBLE');
    const localLicence = await all.debit({
      token: await y.pass(),
      category: 'LOCAL',
      item: 'LICENCE',
      amountCents: 100,
      priceCents: 100,
    });
    expect(localLicence.json.code).toBe('ITEM_NOT_ELIGIBLE');
  });

  it('refuses an inactive membership', async () => {
    const y = await youth();
    const token = await y.pass();
    await region.admin.setMembership(y.id, 'inactive');
    expect((await cinema.debit({ token })).json.code).toBe('MEMBERSHIP_INACTIVE');
  });

  it('refuses once an accreditation is withdrawn', async () => {
    const till = await enrolTill(region, ['CINEMA', 'SPECTACLE']);
    await region.admin.patchPartner(till.partnerId, { accreditations: ['SPECTACLE'] });
    const y = await youth();
    expect((await till.debit({ token: await y.pass(), category: 'CINEMA', item: 'SEANCE' })).json.code).toBe(
      'NOT_ACCREDITED',
    );
  });

  it('refuses writes from a suspended partner', async () => {
    const till = await enrolTill(region, ['CINEMA']);
    await region.admin.patchPartner(till.partnerId, { status: 'suspended' });
    const y = await youth();
    const r = await till.debit({ token: await y.pass() });
    expect([r.status, r.json.code]).toEqual([403, 'PARTNER_SUSPENDED']);
    expect((await till.call('GET', '/v1/partner')).json.status).toBe('suspended');
  });

  it('draws the season line at 30 June 23:59:59 / 1 July 00:00 Paris time', async () => {
    await region.admin.setClock('2026-06-30T21:59:59.000Z'); // 23:59:59 in Paris (CEST)
    const y = await region.admin.createBeneficiary({
      givenName: 'Hugo',
      familyName: 'Lefèvre',
      birthDate: '2007-11-02',
      season: 2025,
      joinedAt: '2025-09-01T10:00:00.000Z',
    });
    const inside = await cinema.debit({
      token: await region.admin.mintPass({ beneficiaryId: y.id }),
      amountCents: 100,
      priceCents: 100,
    });
    expect(inside.status).toBe(201);
    const token = await region.admin.mintPass({ beneficiaryId: y.id });
    await region.admin.setClock('2026-06-30T22:00:00.000Z'); // 1 July 00:00 in Paris
    const outside = await cinema.debit({ token, amountCents: 100, priceCents: 100 });
    expect([outside.status, outside.json.code]).toEqual([422, 'SEASON_CLOSED']);
  });
});

describe('POST /v1/debits: exactly once', () => {
  it('replays the first answer byte for byte and changes nothing', async () => {
    const y = await youth();
    const body = debitBody({ token: await y.pass(), occurredAt: NOW });
    const first = await cinema.call('POST', '/v1/debits', body);
    await region.admin.setClock('2025-10-03T16:01:00.000Z');
    const second = await cinema.call('POST', '/v1/debits', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(await balance(y.id, 'CINEMA')).toBe(1500);
    expect((await region.admin.ledger()).filter((d) => d.id === body.id)).toHaveLength(1);
  });

  it('replays a refusal too', async () => {
    const y = await youth();
    const body = debitBody({ token: await y.pass(), occurredAt: NOW, amountCents: 5000, priceCents: 8000 });
    const first = await cinema.call('POST', '/v1/debits', body);
    const second = await cinema.call('POST', '/v1/debits', body);
    expect(first.json.code).toBe('INSUFFICIENT_BALANCE');
    expect([second.status, second.text]).toEqual([first.status, first.text]);
  });

  it('answers 409 IDEMPOTENCY_CONFLICT to the same id with another body', async () => {
    const y = await youth();
    const body = debitBody({ token: await y.pass(), occurredAt: NOW });
    expect((await cinema.call('POST', '/v1/debits', body)).status).toBe(201);
    const other = await cinema.call('POST', '/v1/debits', { ...body, amountCents: 400 });
    expect([other.status, other.json.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
    const otherPartner = await enrolTill(region, ['CINEMA']);
    expect((await otherPartner.call('POST', '/v1/debits', body)).json.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await balance(y.id, 'CINEMA')).toBe(1500);
  });

  it('makes one debit of twenty identical requests sent at once', async () => {
    const y = await youth();
    const body = debitBody({ token: await y.pass(), occurredAt: NOW, amountCents: 700 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => cinema.call('POST', '/v1/debits', body)),
    );
    expect(new Set(answers.map((a) => `${a.status} ${a.text}`)).size).toBe(1);
    expect(answers[0]?.status).toBe(201);
    expect((await region.admin.ledger()).filter((d) => d.id === body.id)).toHaveLength(1);
    expect(await balance(y.id, 'CINEMA')).toBe(1300);
  });

  it('never overdraws a wallet with parallel spends from several tills', async () => {
    const y = await youth();
    const tills = [cinema, await enrolTill(region, ['CINEMA']), await enrolTill(region, ['CINEMA'])];
    const tokens = await Promise.all(Array.from({ length: 12 }, () => y.pass()));
    const answers = await Promise.all(
      tokens.map((token, i) => tills[i % 3]!.debit({ token, amountCents: 300, priceCents: 300 })),
    );
    const accepted = answers.filter((a) => a.status === 201).length;
    expect(accepted).toBe(6);
    expect(answers.filter((a) => a.json.code === 'INSUFFICIENT_BALANCE')).toHaveLength(6);
    expect(await balance(y.id, 'CINEMA')).toBe(200);
  });
});

describe('POST /v1/debits: offline', () => {
  it('honours an offline debit past the live balance, within the floor limit', async () => {
    const y = await youth({ CINEMA: 300 });
    const offlineToken = await y.pass();
    const online = await cinema.debit({ token: await y.pass(), amountCents: 300, priceCents: 300 });
    expect(online.status).toBe(201);
    await region.admin.setClock('2025-10-04T10:00:00.000Z');
    const r = await cinema.debit({
      token: offlineToken,
      mode: 'offline',
      occurredAt: '2025-10-03T16:01:00.000Z',
      amountCents: 250,
      priceCents: 250,
    });
    expect(r.status).toBe(201);
    expect(r.json.walletBalanceCents).toBe(-250);
    expect((await region.admin.ledger()).find((d) => d.id === r.json.id)).toMatchObject({
      mode: 'offline',
      occurredAt: '2025-10-03T16:01:00.000Z',
    });
  });

  it('judges the token at occurredAt, not at upload', async () => {
    const y = await youth();
    const token = await y.pass();
    await region.admin.setClock('2025-10-05T16:00:00.000Z');
    expect((await cinema.debit({ token, mode: 'offline', occurredAt: NOW })).status).toBe(201);
    const late = await y.pass();
    const r = await cinema.debit({ token: late, mode: 'offline', occurredAt: NOW });
    expect(r.json.code).toBe('TOKEN_INVALID');
  });

  it('refuses too late, over the floor limit, or when offline is disabled', async () => {
    const y = await youth();
    const token = await y.pass();
    await region.admin.setClock('2025-10-06T16:00:01.000Z');
    expect((await cinema.debit({ token, mode: 'offline', occurredAt: NOW })).json.code).toBe(
      'OFFLINE_TOO_LATE',
    );
    await region.admin.setClock(NOW);
    const over = await cinema.debit({
      token: await y.pass(),
      mode: 'offline',
      occurredAt: NOW,
      amountCents: 2001,
      priceCents: 3000,
    });
    expect(over.json.code).toBe('OFFLINE_LIMIT_EXCEEDED');
    await region.admin.setOfflinePolicy({ enabled: false });
    expect((await cinema.debit({ token: await y.pass(), mode: 'offline', occurredAt: NOW })).json.code).toBe(
      'OFFLINE_LIMIT_EXCEEDED',
    );
  });

  it('still refuses a token used twice offline', async () => {
    const y = await youth();
    const token = await y.pass();
    expect((await cinema.debit({ token, mode: 'offline', occurredAt: NOW })).status).toBe(201);
    expect((await cinema.debit({ token, mode: 'offline', occurredAt: NOW })).json.code).toBe('TOKEN_USED');
  });
});

describe('voids', () => {
  it('re-credits the wallet, answers the same to a second void, and is idempotent by void id', async () => {
    const y = await youth();
    const d = await cinema.debit({ token: await y.pass(), amountCents: 900, priceCents: 900 });
    const voidBody = { id: randomUUID(), reason: 'séance annulée', occurredAt: NOW, cashierId: 'c1' };
    const v1 = await cinema.void(String(d.json.id), voidBody);
    expect(v1.status).toBe(200);
    expect(v1.json).toEqual({ debitId: d.json.id, status: 'voided', walletBalanceCents: 2000 });
    const replay = await cinema.void(String(d.json.id), voidBody);
    expect(replay.text).toBe(v1.text);
    const another = await cinema.void(String(d.json.id), { ...voidBody, id: randomUUID() });
    expect([another.status, another.json]).toEqual([200, v1.json]);
    expect(await balance(y.id, 'CINEMA')).toBe(2000);
    expect((await region.admin.ledger()).find((x) => x.id === d.json.id)).toMatchObject({
      status: 'voided',
      voidedAt: NOW,
    });
  });

  it('refuses an unknown debit and another partner’s debit with 404 UNKNOWN_DEBIT', async () => {
    const r = await cinema.void(randomUUID());
    expect([r.status, r.json.code]).toEqual([404, 'UNKNOWN_DEBIT']);
    const y = await youth();
    const d = await cinema.debit({ token: await y.pass() });
    const other = await enrolTill(region, ['CINEMA']);
    const r2 = await other.void(String(d.json.id));
    expect(r2.json.code).toBe('UNKNOWN_DEBIT');
  });

  it('closes the void window at the end of the Paris business day', async () => {
    await region.admin.setClock('2025-10-03T21:50:00.000Z'); // 23:50 Paris
    const y = await youth();
    const d = await cinema.debit({ token: await y.pass() });
    const kept = await cinema.debit({ token: await y.pass() });
    await region.admin.setClock('2025-10-03T21:59:59.000Z'); // 23:59:59 Paris: still the same day
    const inTime = await cinema.void(String(kept.json.id), { occurredAt: '2025-10-03T21:59:59.000Z' });
    expect(inTime.status).toBe(200);
    await region.admin.setClock('2025-10-03T22:00:00.000Z'); // midnight in Paris
    const r = await cinema.void(String(d.json.id), { occurredAt: '2025-10-03T22:00:00.000Z' });
    expect([r.status, r.json.code]).toEqual([422, 'VOID_WINDOW_CLOSED']);
  });

  it('refuses a void once the month is closed', async () => {
    await region.admin.setClock('2025-09-30T21:00:00.000Z'); // 23:00 Paris, 30 September
    const y = await youth();
    const d = await cinema.debit({ token: await y.pass() });
    await region.admin.setClock('2025-10-03T22:00:00.000Z'); // the earliest close: the month's end + 72 h
    await region.admin.closeMonth('2025-09');
    await region.admin.setClock('2025-09-30T21:30:00.000Z'); // even back within the day
    const r = await cinema.void(String(d.json.id), { occurredAt: '2025-09-30T21:30:00.000Z' });
    expect(r.json.code).toBe('VOID_WINDOW_CLOSED');
  });
});

describe('GET /v1/debits', () => {
  it('pages every debit of the partner, all its devices, by cursor', async () => {
    const till = await enrolTill(region, ['CINEMA']);
    const y = await youth({ CINEMA: 100_000 });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      await region.admin.setClock(new Date(Date.parse('2025-10-10T10:00:00.000Z') + i * 60_000));
      const r = await till.debit({ token: await y.pass(), amountCents: 100 + i, priceCents: 1000 });
      ids.push(String(r.json.id));
    }
    const seen: Record<string, unknown>[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const r = await till.call('GET', `/v1/debits?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...(r.json.items as Record<string, unknown>[]));
      if (!r.json.nextCursor) break;
      cursor = String(r.json.nextCursor);
    }
    expect(seen.map((d) => d.id)).toEqual(ids);
    expect(seen[0]).toMatchObject({
      deviceId: till.deviceId,
      deviceSeq: expect.any(Number),
      category: 'CINEMA',
      item: 'SEANCE',
      amountCents: 100,
      priceCents: 1000,
      status: 'accepted',
      mode: 'online',
      occurredAt: '2025-10-10T10:00:00.000Z',
      acceptedAt: '2025-10-10T10:00:00.000Z',
      voidedAt: null,
    });
    const window = await till.call(
      'GET',
      '/v1/debits?from=2025-10-10T10:02:00.000Z&to=2025-10-10T10:04:00.000Z',
    );
    expect((window.json.items as { id: string }[]).map((d) => d.id)).toEqual(ids.slice(2, 4));
    expect(window.json.nextCursor).toBeNull();
  });
});

describe('key rotation', () => {
  it('publishes two keys after a rotation and verifies tokens of both', async () => {
    const y = await youth();
    const before = await y.pass();
    const key = await region.admin.rotateKey();
    const keys = (await cinema.call('GET', '/v1/keys')).json.keys as { kid: string }[];
    expect(keys.map((k) => k.kid)).toContain(key.kid);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    const after = await y.pass();
    expect((await cinema.debit({ token: before, amountCents: 100, priceCents: 100 })).status).toBe(201);
    expect((await cinema.debit({ token: after, amountCents: 100, priceCents: 100 })).status).toBe(201);
    const old = keys.find((k) => k.kid !== key.kid)?.kid ?? '';
    const stale = await enrolTill(region, ['CINEMA']);
    const oldToken = before;
    await region.admin.retireKey(old);
    const r = await stale.call('POST', '/v1/passes/resolve', { token: oldToken });
    expect(r.json.code).toBe('TOKEN_INVALID');
  });
});
