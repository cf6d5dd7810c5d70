import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { EventBus } from '../core/event-bus';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { makeTempDir } from '../../test/support/tmp';

const tmp = makeTempDir('host');
const events = new EventBus();
let host: BrowserHost;
let base: string;

beforeAll(async () => {
  mkdirSync(join(tmp.dir, 'assets'));
  writeFileSync(join(tmp.dir, 'index.html'), '<!doctype html><title>till</title>');
  writeFileSync(join(tmp.dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, '..', 'outside.txt'), 'secret');
  host = await startBrowserHost({
    dispatch: async (name, input) => ({ ok: true, value: { name, input } }),
    events,
    staticDir: tmp.dir,
    secret: 'test-secret',
  });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  tmp.remove();
});

const call = (headers: Record<string, string>, body = '{"input":{"a":1}}') =>
  fetch(`${base}/api/call/till.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('browser-mode host over real HTTP', () => {
  it('answers a call with the secret from our origin', async () => {
    const res = await call({ 'x-till-secret': 'test-secret', origin: base });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { name: 'till.status', input: { a: 1 } } });
  });

  it('refuses without the secret, from another origin, or under another Host', async () => {
    expect((await call({ origin: base })).status).toBe(401);
    expect((await call({ 'x-till-secret': 'test-secret', origin: 'http://evil.example' })).status).toBe(403);
    // fetch may not set Host; a DNS-rebinding page's request names the attacker's host, as here.
    const rebindingStatus = await new Promise<number>((ok, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/call/till.status',
          method: 'POST',
          headers: {
            host: `evil.example:${host.port}`,
            'x-till-secret': 'test-secret',
            origin: `http://evil.example:${host.port}`,
            'content-type': 'application/json',
          },
        },
        (res) => ok(res.statusCode ?? 0),
      );
      req.on('error', fail);
      req.end('{}');
    });
    expect(rebindingStatus).toBe(421);
  });

  it('refuses malformed JSON and oversized bodies with a code', async () => {
    const bad = await call({ 'x-till-secret': 'test-secret', origin: base }, '{nope');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const big = await call(
      { 'x-till-secret': 'test-secret', origin: base },
      JSON.stringify({ input: 'x'.repeat(100_000) }),
    );
    expect(big.status).toBe(413);
  });

  it('serves the page with the CSP and never a file outside its folder', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${base}/..%2Foutside.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/outside.txt`)).status).toBe(404);
  });

  it('streams events to a client with the secret', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events`, {
      headers: { 'x-till-secret': 'test-secret' },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ": connected"
    events.emit('scan', {
      text: 'ATN1:XYZ',
      source: 'hid-pos',
      receivedAt: '2025-10-03T18:00:00.000Z',
      durationMs: 12,
    });
    let text = '';
    while (!text.includes('\n\n') || !text.includes('event: scan')) text += (await reader.read()).value ?? '';
    expect(text).toContain('"text":"ATN1:XYZ"');
    controller.abort();
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
  });
});
