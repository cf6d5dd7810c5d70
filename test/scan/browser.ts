// Builds the scan harness page with Vite (as the app is built: worker, bundled .wasm) and serves it,
// with the generated fixtures, on 127.0.0.1; launches the machine's Chromium.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../support/chromium';
import { makeTempDir } from '../support/tmp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface Harness {
  url: string;
  /** URL prefix under which files of `fixturesDir` are served. */
  fixturesUrl: string;
  close(): Promise<void>;
}

export async function serveHarness(fixturesDir: string): Promise<Harness> {
  const out = makeTempDir('scan-harness');
  await build({
    root: join(import.meta.dirname, 'harness'),
    base: './',
    logLevel: 'warn',
    configFile: false,
    worker: { format: 'es' },
    build: { outDir: out.dir, emptyOutDir: true, target: 'es2022', minify: false, assetsInlineLimit: 0 },
  });
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [root, rel] = path.startsWith('/fixtures/')
      ? [fixturesDir, path.slice('/fixtures/'.length)]
      : [out.dir, path === '/' ? 'index.html' : path.slice(1)];
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    fixturesUrl: `http://127.0.0.1:${port}/fixtures/`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      out.remove();
    },
  };
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(extraArgs));
}
