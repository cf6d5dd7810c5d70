// The UI request handler on the real built renderer (dist/renderer), as Electron's app://till scheme and
// browser mode both call it. A broken confinement would serve files that really exist one or two levels
// up (dist/, the repository's package.json), so every traversal case below has something to find.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { createUiRequestHandler, safeSegments, type UiRequestHandler } from './ui-request-handler';
import { ensureRendererBuilt } from '../../test/support/till-host';
import { makeTempDir } from '../../test/support/tmp';

const rendererDir = ensureRendererBuilt();
const assets = readdirSync(join(rendererDir, 'assets'));
const asset = (pattern: RegExp): string => {
  const name = assets.find((n) => pattern.test(n));
  if (!name) throw new Error(`no ${pattern} in dist/renderer/assets`);
  return `/assets/${name}`;
};
const indexHtml = readFileSync(join(rendererDir, 'index.html'), 'utf8');
const entryScript =
  /<script type="module" crossorigin src="\.(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1] ?? '';
const worker = asset(/^decode-worker-.*\.js$/);
const wasm = asset(/\.wasm$/);
const css = asset(/\.css$/);

const app = createUiRequestHandler({ rootDir: rendererDir, host: 'till' });
const get = (handler: UiRequestHandler, url: string, method = 'GET') => handler(new Request(url, { method }));

describe('UI request handler on the built renderer', () => {
  it('finds the page, its module entry, the worker and the wasm in the real build', () => {
    expect(entryScript).toMatch(/^\/assets\/index-.*\.js$/);
    // The worker and wasm are loaded by URL from the bundles: their names are in them, as served.
    expect(readFileSync(join(rendererDir, entryScript), 'utf8')).toContain(worker.slice('/assets/'.length));
    expect(readFileSync(join(rendererDir, worker), 'utf8')).toContain(wasm.slice('/assets/'.length));
  });

  it.each([
    ['app://till/', 'text/html; charset=utf-8', 'index.html'],
    ['app://till/index.html', 'text/html; charset=utf-8', 'index.html'],
    [`app://till${entryScript}`, 'text/javascript; charset=utf-8', entryScript],
    [`app://till${worker}`, 'text/javascript; charset=utf-8', worker],
    [`app://till${wasm}`, 'application/wasm', wasm],
    [`app://till${css}`, 'text/css; charset=utf-8', css],
    [`app://till${css}?v=1#x`, 'text/css; charset=utf-8', css],
  ])('%s → 200 %s, the file itself', async (url, type, file) => {
    const res = await get(app, url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.equals(readFileSync(join(rendererDir, file)))).toBe(true);
    expect(res.headers.get('content-length')).toBe(String(body.length));
  });

  it('serves the wasm so that WebAssembly.compileStreaming accepts it (it checks application/wasm)', async () => {
    const module = await WebAssembly.compileStreaming(get(app, `app://till${wasm}`));
    expect(WebAssembly.Module.exports(module).length).toBeGreaterThan(0);
    const mislabelled = new Response(readFileSync(join(rendererDir, wasm)), {
      headers: { 'content-type': 'application/octet-stream' },
    });
    await expect(WebAssembly.compileStreaming(mislabelled)).rejects.toThrow();
  });

  it.each([
    ['.svg', 'image/svg+xml'],
    ['.png', 'image/png'],
    ['.ico', 'image/x-icon'],
    ['.json', 'application/json; charset=utf-8'],
    ['.map', 'application/json; charset=utf-8'],
    ['.mjs', 'text/javascript; charset=utf-8'],
    ['.woff2', 'font/woff2'],
    ['.unknown', 'application/octet-stream'],
  ])('types %s as %s', async (ext, type) => {
    const tmp = makeTempDir('ui-mime');
    try {
      writeFileSync(join(tmp.dir, `file${ext}`), 'x');
      const res = await get(createUiRequestHandler({ rootDir: tmp.dir }), `http://127.0.0.1:1/file${ext}`);
      expect(res.headers.get('content-type')).toBe(type);
    } finally {
      tmp.remove();
    }
  });

  it('sends the CSP and the security headers with every file, the worker included', async () => {
    for (const path of ['/', entryScript, worker, wasm, css, '/missing.js']) {
      const res = await get(app, `app://till${path}`);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    // The worker compiles the wasm under its own response's CSP.
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src [^;]*'wasm-unsafe-eval'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/worker-src 'self'/);
  });

  it.each([
    'app://till/../package.json',
    'app://till/../../package.json',
    'app://till/%2e%2e/%2e%2e/package.json',
    'app://till/%2E%2E/%2E%2E/package.json',
    'app://till/assets/..%2f..%2f..%2fpackage.json',
    'app://till/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    'app://till/..%5c..%5cpackage.json',
    'app://till/assets\\..\\..\\..\\package.json',
    'app://till/.%2e/.%2e/package.json',
    'app://till/%2fetc%2fpasswd',
    'app://till//etc/passwd',
    'app://till/C:%5CWindows%5Cwin.ini',
    'app://till/index.html%00.png',
    'app://till/%ZZ',
    'app://till/assets',
    'app://till/assets/',
    'app://till/missing.js',
    'http://127.0.0.1:9/%2e%2e/%2e%2e/package.json',
    'http://127.0.0.1:9/..%2f..%2fpackage.json',
  ])('%s → 404', async (url) => {
    const res = await get(
      url.startsWith('http:') ? createUiRequestHandler({ rootDir: rendererDir }) : app,
      url,
    );
    expect(res.status).toBe(404);
    expect(await res.arrayBuffer()).toHaveProperty('byteLength', 0);
  });

  it('serves only its own host on app://', async () => {
    expect((await get(app, 'app://till/index.html')).status).toBe(200);
    expect((await get(app, 'app://other/index.html')).status).toBe(404);
    expect((await get(app, 'app://till:8080/index.html')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(app, `app://till${wasm}`, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect(head.headers.get('content-length')).toBe(String(readFileSync(join(rendererDir, wasm)).length));
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await get(app, 'app://till/index.html', method);
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('returns what Electron turns into a protocol response (lib/browser/api/protocol.ts: Readable.fromWeb, Object.fromEntries)', async () => {
    const res = await get(app, `app://till${entryScript}`);
    // validateResponse there: numeric status, object headers, a null or ReadableStream body.
    expect(typeof res.status).toBe('number');
    expect(res.body).toBeInstanceOf(ReadableStream);
    const headers = Object.fromEntries(res.headers);
    expect(headers['content-type']).toBe('text/javascript; charset=utf-8');
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>))
      chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(readFileSync(join(rendererDir, entryScript)))).toBe(true);
  });
});

describe('UI request handler confinement against symlinks', () => {
  const tmp = makeTempDir('ui-links');
  const root = join(tmp.dir, 'renderer');
  beforeAll(() => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'real.js'), 'ok');
    mkdirSync(join(tmp.dir, 'outside'));
    writeFileSync(join(tmp.dir, 'outside', 'secret.txt'), 'secret');
    symlinkSync(join(tmp.dir, 'outside', 'secret.txt'), join(root, 'leak.txt'));
    symlinkSync(join(tmp.dir, 'outside'), join(root, 'outside-dir'));
    symlinkSync(resolve('package.json'), join(root, 'assets', 'package.json'));
    symlinkSync(join(root, 'assets', 'real.js'), join(root, 'alias.js'));
  });
  afterAll(() => tmp.remove());

  it.each([
    ['/leak.txt', 404],
    ['/outside-dir/secret.txt', 404],
    ['/assets/package.json', 404],
    ['/alias.js', 200],
    ['/assets/real.js', 200],
  ])('%s → %i', async (path, status) => {
    const res = await get(createUiRequestHandler({ rootDir: root, host: 'till' }), `app://till${path}`);
    expect(res.status).toBe(status);
  });

  it('works once the folder exists, if it was missing at the first request', async () => {
    const later = join(tmp.dir, 'later');
    const handler = createUiRequestHandler({ rootDir: later });
    expect((await get(handler, 'http://127.0.0.1:1/index.html')).status).toBe(404);
    mkdirSync(later);
    writeFileSync(join(later, 'index.html'), 'hi');
    expect((await get(handler, 'http://127.0.0.1:1/index.html')).status).toBe(200);
  });

  it.each([
    ['/', ['index.html']],
    ['/assets/a.js', ['assets', 'a.js']],
    ['/a%20b.js', ['a b.js']],
    ['/a/../b', null],
    ['/a/%2e%2E/b', null],
    ['', null],
    ['/a//b', null],
  ])('safeSegments(%j) = %j', (path, expected) => {
    expect(safeSegments(path)).toEqual(expected);
  });
});
