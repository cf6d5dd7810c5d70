// Security proof for the browser-mode host, beyond main/host/browser-host.test.ts (which covers the plain
// missing secret, one foreign Origin and one rebinding Host): a table of hostile requests, sent raw so
// that Host and Origin are exactly what an attacker's page or a DNS-rebinding page would send, in front
// of a real till core. Every one is refused before the core sees it; the one proper request gets through.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SECRET_HEADER } from '../../main/host/browser-host';
import { hostedCoreForTests } from '../support/till-for-tests';

const SECRET = 'f3a9c2d17b5e4c08a6d2e91f0b7c3a55';
const reachedCore: string[] = [];
const { host } = hostedCoreForTests({
  secret: SECRET,
  dispatch: (core) => (name, input) => {
    reachedCore.push(name);
    return core(name, input);
  },
});

function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method, headers, timeout: 5000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
          // An accepted event stream never ends: its first bytes are enough.
          if (path.startsWith('/api/events')) res.destroy();
        });
        res.on('close', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode host under attack', () => {
  const own = () => `127.0.0.1:${host.port}`;
  const good = () => ({
    host: own(),
    origin: `http://${own()}`,
    [SECRET_HEADER]: SECRET,
    'content-type': 'application/json',
  });
  const attacks: [string, () => Record<string, string>, number, string?][] = [
    ['no secret', () => ({ ...good(), [SECRET_HEADER]: '' }), 401],
    [
      'a wrong secret of the same length',
      () => ({
        ...good(),
        [SECRET_HEADER]:
          SECRET.replace(/.$/, '0') === SECRET ? SECRET.replace(/.$/, '1') : SECRET.replace(/.$/, '0'),
      }),
      401,
    ],
    ['the secret with one more character', () => ({ ...good(), [SECRET_HEADER]: `${SECRET}x` }), 401],
    ['the secret upper-cased', () => ({ ...good(), [SECRET_HEADER]: SECRET.toUpperCase() }), 401],
    [
      'the secret in the query string only',
      () => ({ ...good(), [SECRET_HEADER]: '' }),
      401,
      `?secret=${SECRET}`,
    ],
    ['Origin of another site', () => ({ ...good(), origin: 'http://evil.example' }), 403],
    ['Origin "null" (sandboxed frame, file://)', () => ({ ...good(), origin: 'null' }), 403],
    ['Origin of another local port', () => ({ ...good(), origin: `http://127.0.0.1:${host.port + 1}` }), 403],
    ['Origin https of our host', () => ({ ...good(), origin: `https://${own()}` }), 403],
    [
      'a POST without Origin',
      () => {
        const { origin: _dropped, ...rest } = good();
        return rest;
      },
      403,
    ],
    ['Sec-Fetch-Site cross-site', () => ({ ...good(), 'sec-fetch-site': 'cross-site' }), 403],
    ['Sec-Fetch-Site same-site', () => ({ ...good(), 'sec-fetch-site': 'same-site' }), 403],
    [
      'DNS rebinding: attacker host name',
      () => ({ ...good(), host: `evil.example:${host.port}`, origin: `http://evil.example:${host.port}` }),
      421,
    ],
    [
      'DNS rebinding: a name resolving to 127.0.0.1',
      () => ({
        ...good(),
        host: `127.0.0.1.nip.io:${host.port}`,
        origin: `http://127.0.0.1.nip.io:${host.port}`,
      }),
      421,
    ],
    [
      'DNS rebinding: localhost without the port',
      () => ({ ...good(), host: 'localhost', origin: 'http://localhost' }),
      421,
    ],
    ['Host of another local port', () => ({ ...good(), host: `127.0.0.1:${host.port + 1}` }), 421],
    ['Host 0.0.0.0', () => ({ ...good(), host: `0.0.0.0:${host.port}` }), 421],
    ['Host [::1]', () => ({ ...good(), host: `[::1]:${host.port}` }), 421],
  ];

  it.each(attacks)('refuses a call with %s', async (_name, headers, status, query = '') => {
    const before = reachedCore.length;
    const res = await raw('POST', `/api/call/till.status${query}`, headers(), '{"input":{}}');
    expect(res.status).toBe(status);
    expect(reachedCore.length).toBe(before);
  });

  it('refuses the event stream and the page under a rebinding Host, and the stream without the secret', async () => {
    expect(
      (await raw('GET', '/api/events', { host: `evil.example:${host.port}`, [SECRET_HEADER]: SECRET }))
        .status,
    ).toBe(421);
    expect((await raw('GET', '/api/events', { host: own() })).status).toBe(401);
    expect(
      (
        await raw('GET', '/api/events', {
          host: own(),
          origin: 'http://evil.example',
          [SECRET_HEADER]: SECRET,
        })
      ).status,
    ).toBe(403);
    expect((await raw('GET', '/', { host: `evil.example:${host.port}` })).status).toBe(421);
  });

  it('lets the proper request through to the real core (the table above could fail)', async () => {
    const res = await raw('POST', '/api/call/till.status', good(), '{"input":{}}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true });
    expect(reachedCore).toEqual(['till.status']);
    const upper = await raw(
      'POST',
      '/api/call/till.status',
      { ...good(), host: `LOCALHOST:${host.port}`, origin: `http://localhost:${host.port}` },
      '{"input":{}}',
    );
    expect(upper.status).toBe(200);
  });
});
