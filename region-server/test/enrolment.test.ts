import { describe, expect, it } from 'vitest';
import { regionForTests } from '../../test/support/region-for-tests';
import { enrolTill, http } from './till-client';

const region = regionForTests();

describe('health, enrolment, partner, keys', () => {
  it('answers health without auth, with the server clock', async () => {
    await region.admin.setClock('2025-10-03T16:00:00.000Z');
    const r = await http(region.url, 'GET', '/v1/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', time: '2025-10-03T16:00:00.000Z' });
  });

  it('enrols once per activation code, and refuses a used, wrong or foreign code', async () => {
    const p = await region.admin.createPartner({
      name: 'Cinéma',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    const other = await region.admin.createPartner({
      name: 'Autre',
      siret: '12345678900012',
      accreditations: ['SPORT'],
    });
    const body = { partnerId: p.id, activationCode: p.activationCode, deviceName: 'Caisse 1' };
    const first = await http(region.url, 'POST', '/v1/devices/enroll', { body });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      deviceId: expect.any(String),
      token: expect.any(String),
      partner: { id: p.id, accreditations: ['CINEMA'], status: 'active' },
    });
    const again = await http(region.url, 'POST', '/v1/devices/enroll', { body });
    expect([again.status, again.json.code]).toEqual([401, 'ACTIVATION_INVALID']);
    expect(again.contentType).toContain('application/problem+json');
    expect(again.json).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status: 401,
      detail: expect.any(String),
    });
    const foreign = await http(region.url, 'POST', '/v1/devices/enroll', {
      body: { ...body, partnerId: other.id, activationCode: p.activationCode },
    });
    expect(foreign.json.code).toBe('ACTIVATION_INVALID');
    const fresh = await region.admin.newActivationCode(p.id);
    const second = await http(region.url, 'POST', '/v1/devices/enroll', {
      body: { ...body, activationCode: fresh.activationCode.toLowerCase() },
    });
    expect(second.status).toBe(201);
    expect(second.json.deviceId).not.toBe(first.json.deviceId);
  });

  it('refuses enrolment of a suspended partner', async () => {
    const p = await region.admin.createPartner({
      name: 'Suspendu',
      siret: '12345678900013',
      accreditations: ['CINEMA'],
    });
    await region.admin.patchPartner(p.id, { status: 'suspended' });
    const r = await http(region.url, 'POST', '/v1/devices/enroll', {
      body: { partnerId: p.id, activationCode: p.activationCode, deviceName: 'x' },
    });
    expect([r.status, r.json.code]).toEqual([403, 'PARTNER_SUSPENDED']);
  });

  it('serves the partner and its keys to an enrolled till only', async () => {
    const till = await enrolTill(region, ['CINEMA', 'SPECTACLE']);
    const partner = await till.call('GET', '/v1/partner');
    expect(partner.json).toMatchObject({
      id: till.partnerId,
      accreditations: ['CINEMA', 'SPECTACLE'],
      status: 'active',
      siret: expect.any(String),
      name: expect.any(String),
    });
    const keys = await till.call('GET', '/v1/keys');
    expect(keys.json).toMatchObject({
      offline: { enabled: true, floorLimitCents: expect.any(Number), maxOfflineHours: expect.any(Number) },
      season: { year: 2025, start: '2025-07-01', end: '2026-06-30' },
    });
    const jwks = keys.json.keys as { kty: string; crv: string; x: string; kid: string; d?: string }[];
    expect(jwks.length).toBeGreaterThanOrEqual(1);
    for (const k of jwks) {
      expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String) });
      expect(k.d).toBeUndefined();
    }
    for (const path of [
      '/v1/partner',
      '/v1/keys',
      '/v1/debits',
      '/v1/statements',
      '/v1/offers',
      '/v1/coupons',
    ]) {
      const anonymous = await http(region.url, 'GET', path);
      expect([path, anonymous.status, anonymous.json.code]).toEqual([path, 401, 'UNAUTHORIZED']);
      const wrong = await http(region.url, 'GET', path, { token: 'dev_not-a-real-token' });
      expect(wrong.status).toBe(401);
    }
  });

  it('keeps admin calls behind the admin key', async () => {
    const r = await http(region.url, 'GET', '/admin/ledger');
    expect([r.status, r.json.code]).toEqual([401, 'UNAUTHORIZED']);
    const wrong = await http(region.url, 'GET', '/admin/ledger', { headers: { 'x-admin-key': 'nope' } });
    expect(wrong.status).toBe(401);
  });

  it('answers problem+json with a 4xx, never a 500, to malformed or oversized requests', async () => {
    const till = await enrolTill(region, ['CINEMA']);
    const cases = [
      await http(region.url, 'POST', '/v1/debits', { token: till.token, rawBody: '{"id": ' }),
      await http(region.url, 'POST', '/v1/debits', { token: till.token, rawBody: '[]' }),
      await http(region.url, 'POST', '/v1/debits', { token: till.token, rawBody: '{"__proto__": {"x": 1}}' }),
      await http(region.url, 'POST', '/v1/passes/resolve', {
        token: till.token,
        rawBody: JSON.stringify({ token: 'x'.repeat(100_000) }),
      }),
      await http(region.url, 'POST', '/v1/passes/resolve', {
        token: till.token,
        rawBody: 'token=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      await http(region.url, 'POST', '/v1/debits/x/void', { token: till.token, body: { id: 'v' } }),
      await http(region.url, 'GET', '/v1/debits?limit=100000', { token: till.token }),
      await http(region.url, 'GET', '/v1/debits?cursor=garbage', { token: till.token }),
      await http(region.url, 'GET', '/v1/statements/2025-13', { token: till.token }),
      await http(region.url, 'GET', '/v1/nothing-here', { token: till.token }),
    ];
    for (const r of cases) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.contentType).toContain('application/problem+json');
      expect(typeof r.json.code).toBe('string');
    }
    expect(cases[3]?.json.code).toBe('PAYLOAD_TOO_LARGE');
    expect(cases[9]?.json.code).toBe('NOT_FOUND');
  });

  it('refuses garbage tokens with TOKEN_INVALID, never a crash', async () => {
    const till = await enrolTill(region, ['CINEMA']);
    for (const token of [
      '',
      'ATN1:',
      'ATN1:%%%',
      'hello',
      'ATN1:' + 'A'.repeat(2000),
      'ATC1:0000',
      '\u0000\uffff',
    ]) {
      const r = await till.call('POST', '/v1/passes/resolve', { token });
      expect([token.slice(0, 10), r.status, r.json.code]).toEqual([token.slice(0, 10), 422, 'TOKEN_INVALID']);
    }
  });
});
