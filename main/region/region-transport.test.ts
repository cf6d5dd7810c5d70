// How the till reaches the Region: only over https:// (plain http on loopback only), refused with a
// code at enrolment and at every later use; and through an injected WHATWG fetch (Electron's net.fetch
// in the app) or Node's http adapter, both against the real reference Region server over loopback.
// Node's own global fetch stands in for net.fetch: same signature (electron docs/api/net.md, net.fetch
// "Returns Promise<GlobalResponse>"); only the network stack under it differs.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTill, type Till } from '../core/till';
import { fileKeyCipher } from '../secrets/secret-store';
import { TillError } from '../../preload/contract';
import { startRegionServer, type RegionHandle } from '../../test/support/region-server';
import { makeTempDir } from '../../test/support/tmp';
import { RegionClient, type RegionFetch } from './client';
import { assertRegionUrl, isLoopbackHost } from './region-url';

let region: RegionHandle;
const tmp = makeTempDir('region-transport');
beforeAll(async () => {
  region = await startRegionServer();
});
afterAll(async () => {
  await region?.stop();
  tmp.remove();
});

const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    return error instanceof TillError ? error.code : String(error);
  }
};

describe('the Region URL rule', () => {
  it.each([
    'https://region.example/',
    'https://region.example:8443/api/',
    'http://127.0.0.1:8080/',
    'http://127.9.8.7/',
    'http://127.1:9000/',
    'http://0x7f.0.0.1/',
    'http://localhost:3000/',
    'http://LOCALHOST/',
    'http://[::1]:4000/',
  ])('accepts %s', (url) => {
    expect(codeOf(() => assertRegionUrl(url))).toBeNull();
  });

  it.each([
    'http://region.example/',
    'http://128.0.0.1/',
    'http://10.0.0.5/',
    'http://[::2]/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost.evil.example/',
    'http://127.0.0.1.nip.io/',
    'ftp://region.example/',
    'file:///etc/passwd',
    'https://user:pass@region.example/',
    'not a url',
  ])('refuses %s with REGION_URL_INSECURE', (url) => {
    expect(codeOf(() => assertRegionUrl(url))).toBe('REGION_URL_INSECURE');
    expect(codeOf(() => new RegionClient({ baseUrl: url }))).toBe('REGION_URL_INSECURE');
  });

  it('knows loopback hosts as URL writes them', () => {
    expect(['127.0.0.1', '127.255.255.255', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['126.0.0.1', '127.0.0.256', '::1', 'example.org'].some(isLoopbackHost)).toBe(false);
  });
});

describe('the transport', () => {
  it('goes through an injected fetch when given one (every request, with the device token)', async () => {
    const seen: string[] = [];
    const counting: RegionFetch = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      seen.push(
        `${request.method} ${new URL(request.url).pathname} ${request.headers.get('authorization') ? 'auth' : 'anon'}`,
      );
      return fetch(input, init);
    };
    const partner = await region.admin.createPartner({
      name: 'Cinéma Fetch',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    const anonymous = new RegionClient({ baseUrl: region.url, fetch: counting });
    const enrolled = await anonymous.enroll({
      partnerId: partner.id,
      activationCode: partner.activationCode,
      deviceName: 'Caisse',
    });
    expect(enrolled.kind).toBe('ok');
    if (enrolled.kind !== 'ok') return;
    const client = anonymous.withToken(enrolled.value.token);
    expect(await client.partner()).toMatchObject({ kind: 'ok', value: { id: partner.id } });
    expect(await client.resolvePass('ATN1:garbage')).toMatchObject({
      kind: 'refused',
      code: 'TOKEN_INVALID',
    });
    expect(seen).toEqual([
      'POST /v1/devices/enroll anon',
      'GET /v1/partner auth',
      'POST /v1/passes/resolve auth',
    ]);
  });

  it('classifies a fetch that fails (no network, proxy down) as unknown, never as refused', async () => {
    const broken: RegionFetch = () => Promise.reject(new TypeError('fetch failed'));
    const outcome = await new RegionClient({ baseUrl: region.url, fetch: broken }).health();
    expect(outcome.kind).toBe('unknown');
  });

  it('times out through the injected fetch too (the abort signal reaches it): unknown, not a hang', async () => {
    await region.admin.setFaults({ latencyMs: 3000 });
    try {
      // The server answers after 3 s: 'ok' would mean the 300 ms timeout never reached the fetch.
      const outcome = await new RegionClient({
        baseUrl: region.url,
        timeoutMs: 300,
        fetch: (i, o) => fetch(i, o),
      }).health();
      expect(outcome).toMatchObject({ kind: 'unknown', detail: expect.stringMatching(/timeout|abort/i) });
    } finally {
      await region.admin.setFaults({});
    }
  });

  it('without one, uses Node http and gets the same answers', async () => {
    expect(await new RegionClient({ baseUrl: region.url }).health()).toMatchObject({
      kind: 'ok',
      value: { status: 'ok' },
    });
  });
});

describe('re-enrolment at the Region', () => {
  it('gives the same device a new token, revokes the old one, and refuses (without spending the code) a device of another partner', async () => {
    const a = await region.admin.createPartner({
      name: 'Cinéma A',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    const b = await region.admin.createPartner({
      name: 'Cinéma B',
      siret: '12345678900029',
      accreditations: ['CINEMA'],
    });
    const anonymous = new RegionClient({ baseUrl: region.url });
    const first = await anonymous.enroll({
      partnerId: a.id,
      activationCode: a.activationCode,
      deviceName: 'Caisse',
    });
    const other = await anonymous.enroll({
      partnerId: b.id,
      activationCode: b.activationCode,
      deviceName: 'Caisse',
    });
    if (first.kind !== 'ok' || other.kind !== 'ok') throw new Error('enrolment failed');
    const { activationCode } = await region.admin.newActivationCode(a.id);
    expect(
      await anonymous.enroll({
        partnerId: a.id,
        activationCode,
        deviceName: 'Caisse',
        deviceId: other.value.deviceId,
      }),
    ).toMatchObject({ kind: 'refused', code: 'ACTIVATION_INVALID' });
    const again = await anonymous.enroll({
      partnerId: a.id,
      activationCode,
      deviceName: 'Caisse',
      deviceId: first.value.deviceId,
    });
    expect(again).toMatchObject({ kind: 'ok', value: { deviceId: first.value.deviceId } });
    if (again.kind !== 'ok') return;
    expect(await anonymous.withToken(first.value.token).partner()).toMatchObject({
      kind: 'refused',
      status: 401,
    });
    expect(await anonymous.withToken(again.value.token).partner()).toMatchObject({
      kind: 'ok',
      value: { id: a.id },
    });
  });
});

describe('a till', () => {
  const must = async (till: Till, name: string, input: unknown) => {
    const r = await till.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value;
  };
  const failure = async (till: Till, name: string, input: unknown) => {
    const r = await till.dispatch(name, input);
    return r.ok ? 'ok' : r.error.code;
  };

  it('refuses to enrol with a plain-http Region, and to use one written into its settings later', async () => {
    const dataDir = join(tmp.dir, 'till');
    const open = () =>
      createTill({
        dataDir,
        cipher: fileKeyCipher(join(tmp.dir, 'till.key')),
        regionFetch: (i, o) => fetch(i, o),
      });
    let till = open();
    const partner = await region.admin.createPartner({
      name: 'Cinéma Clair',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    const enrol = {
      partnerId: partner.id,
      activationCode: partner.activationCode,
      deviceName: 'Caisse',
      managerName: 'Claire',
      managerPin: '2468',
    };
    expect(await failure(till, 'till.enroll', { ...enrol, regionUrl: 'http://region.example/' })).toBe(
      'REGION_URL_INSECURE',
    );
    expect(till.status().enrolled).toBe(false);
    await must(till, 'till.enroll', { ...enrol, regionUrl: region.url });
    const config = till.journal.settings.get<Record<string, unknown>>('region.config');
    till.journal.settings.set('region.config', {
      ...config,
      url: region.url.replace('127.0.0.1', '10.255.255.1'),
    });
    till.close();
    till = open();
    try {
      const staff = (await must(till, 'staff.list', {})) as { id: string }[];
      await must(till, 'staff.login', { staffId: staff[0]?.id, pin: '2468' });
      const youth = await region.admin.createBeneficiary({
        givenName: 'Léa',
        familyName: 'Martin',
        birthDate: '2007-03-14',
      });
      const pass = await region.admin.mintPass({ beneficiaryId: youth.id });
      expect(await failure(till, 'pass.scan', { text: pass, source: 'paste' })).toBe('REGION_URL_INSECURE');
    } finally {
      till.close();
    }
  });
});
