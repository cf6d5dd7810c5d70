// The admin key guards every /admin route by registration (issue 15, item 7): whatever spelling of the
// URL the router accepts as an admin route, the route's own hook asks for the key. Over real HTTP, raw
// paths sent as typed (node:http does not normalise them), against the real CLI server and against an
// in-process app whose registered admin routes are enumerated, so a route added later is covered too.
import { request } from 'node:http';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tmp';
import { regionForTests } from '../../test/support/region-for-tests';
import { openDatabase } from '../db/open-database';
import type { Db } from '../db/open-database';
import { makeRegion } from '../domain/region';
import { buildApp, routeTableOf } from '../http/app';

interface Raw {
  status: number;
  body: string;
}

/** One request with the path exactly as given. */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Raw> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method,
        path,
        agent: false,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      // Node's server answers a request line it cannot parse in a way node's client cannot parse either
      // (seen for HEAD with a backslash path): no answer at all, which is a refusal too.
      if (e.code === 'HPE_INVALID_CONSTANT') resolve({ status: 0, body: '' });
      else reject(new Error(`${method} ${path}: ${e.message}`));
    });
    req.end(body);
  });
}

/** Refused: unauthorized, no such route, or a request the HTTP parser rejects (400, or no answer). */
const refused = (status: number): boolean =>
  status === 401 || status === 404 || status === 400 || status === 0;

/** Every way we know to spell an admin path so that a prefix check on the raw URL misses it. */
function spellings(path: string): string[] {
  const rest = path.slice('/admin'.length);
  return [
    `/%61dmin${rest}`,
    `/%61%64%6d%69%6e${rest}`,
    `/%2561dmin${rest}`,
    `//admin${rest}`,
    `///admin${rest}`,
    `/admin/${rest}`,
    `/ADMIN${rest}`,
    `/Admin${rest}`,
    `/aDmIn${rest}`,
    `/v1/../admin${rest}`,
    `/./admin${rest}`,
    `/admin${rest.replace(/\//g, '%2F')}`,
    `/admin${rest}/`,
    `/admin${rest}?x=1`,
    `/admin${rest};x`,
    `/admin${rest}%00`,
    `/%2Fadmin${rest}`,
    `\\admin${rest}`,
  ];
}

describe('the admin key, against the real server', () => {
  const region = regionForTests({ adminKey: 'admin-key-of-the-test', now: '2025-10-03T16:00:00.000Z' });
  let beneficiaryId: string;
  beforeAll(async () => {
    beneficiaryId = (
      await region.admin.createBeneficiary({
        givenName: 'Léa',
        familyName: 'Martin',
        birthDate: '2008-03-14',
      })
    ).id;
  });

  it('refuses the encoded, doubled and mixed-case spellings of the issue: no pass minted, no ledger read', async () => {
    const mint = JSON.stringify({ beneficiaryId });
    for (const path of spellings('/admin/tokens/pass')) {
      const r = await raw(region.url, 'POST', path, {}, mint);
      expect([path, r.status, refused(r.status)]).toEqual([path, r.status, true]);
      expect(r.body).not.toContain('ATN1:');
    }
    for (const path of spellings('/admin/ledger')) {
      const r = await raw(region.url, 'GET', path);
      expect([path, r.status, refused(r.status)]).toEqual([path, r.status, true]);
      expect(r.body).not.toContain('"items"');
    }
    // The spelling of the issue reaches the admin route, and its guard: 401, not a pass.
    expect((await raw(region.url, 'POST', '/%61dmin/tokens/pass', {}, mint)).status).toBe(401);
    expect((await raw(region.url, 'GET', '/%61dmin/ledger')).status).toBe(401);
    // With the key, the same encoded path is the admin route.
    const keyed = await raw(
      region.url,
      'POST',
      '/%61dmin/tokens/pass',
      { 'x-admin-key': region.adminKey },
      mint,
    );
    expect([keyed.status, keyed.body]).toEqual([201, expect.stringContaining('ATN1:')]);
  });

  it('refuses a wrong, empty or case-shifted key', async () => {
    for (const key of [
      '',
      'x',
      region.adminKey.toUpperCase(),
      region.adminKey.slice(1),
      `${region.adminKey}x`,
    ]) {
      expect((await raw(region.url, 'GET', '/admin/ledger', { 'x-admin-key': key })).status).toBe(401);
    }
  });
});

describe('the admin key, on every registered admin route', () => {
  const adminKey = 'a-real-key';
  let app: FastifyInstance;
  let db: Db;
  let url: string;
  const tmp = makeTempDir('admin-guard');

  beforeAll(async () => {
    db = openDatabase(join(tmp.dir, 'region.db'));
    app = buildApp({ region: makeRegion(db), adminKey, logLevel: 'silent' });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    db?.close();
    tmp.remove();
  });

  it('finds every admin route in the guarded context, and each refuses without the key, however spelled', async () => {
    const table = routeTableOf(app);
    const name = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
    const guarded = table.admin.map(name);
    for (const expected of [
      'POST /admin/tokens/pass',
      'GET /admin/ledger',
      'GET /admin/devices/:id',
      'PUT /admin/clock',
      'POST /admin/beneficiaries',
      'DELETE /admin/keys/:kid',
    ]) {
      expect(guarded).toContain(expected);
    }
    // Every route of the app under /admin was registered in the guarded context, and nothing else was.
    expect(
      table.all
        .filter((r) => r.url.toLowerCase().includes('admin'))
        .map(name)
        .sort(),
    ).toEqual([...guarded].sort());
    expect(table.all.length).toBeGreaterThan(table.admin.length);
    for (const route of table.admin) {
      const path = route.url.replace(':month', '2025-10').replace(/:[a-zA-Z]+/g, 'X-1');
      for (const spelled of [path, ...spellings(path)]) {
        for (const headers of [{}, { 'x-admin-key': 'wrong' }] as Record<string, string>[]) {
          const r = await raw(
            url,
            route.method,
            spelled,
            headers,
            route.method === 'GET' || route.method === 'HEAD' || route.method === 'DELETE' ? undefined : '{}',
          );
          expect([route.method, spelled, r.status, refused(r.status)]).toEqual([
            route.method,
            spelled,
            r.status,
            true,
          ]);
        }
      }
      // The plain spelling is the route itself: its guard answers, not the not-found handler.
      expect([route.method, path, (await raw(url, route.method, path)).status]).toEqual([
        route.method,
        path,
        401,
      ]);
    }
  });

  it('leaves the till routes to the device token, not the admin key', async () => {
    expect((await raw(url, 'GET', '/v1/health')).status).toBe(200);
    expect((await raw(url, 'GET', '/v1/partner', { 'x-admin-key': adminKey })).status).toBe(401);
  });
});
