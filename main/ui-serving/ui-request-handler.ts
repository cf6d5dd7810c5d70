// The one way the till's UI files are served, in both hosts: Electron's `app://till/…` scheme
// (main/shell/app-scheme.ts hands this handler to protocol.handle) and browser mode's node:http server
// (main/host/browser-host.ts, through node-http-adapter.ts). Web Fetch types only (Request → Response),
// so the same code runs under Node 20 and in Electron's main process, and no electron import.
//
// Electron's protocol.handle builds a global `Request` from Chromium's request and turns our `Response`
// back into status, headers and a body stream (electron/electron lib/browser/api/protocol.ts,
// Protocol.prototype.handle; validateResponse there accepts a null or ReadableStream body).
//
// The files may live inside app.asar: Electron's asar fs wrapper (lib/node/asar-fs-wrapper.ts) patches
// fs.promises.realpath, stat and readFile on the `fs.promises` object, so they are looked up on it at
// call time rather than bound at import.
import { promises as fsp } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

export type UiRequestHandler = (request: Request) => Promise<Response>;

export interface UiRequestHandlerOptions {
  /** The built renderer folder: dist/renderer, or the same folder inside app.asar when packaged. */
  rootDir: string;
  /**
   * The only host served (`till` for app://till). Browser mode leaves it unset: its Host header is
   * already checked by request-guard before a request reaches this handler.
   */
  host?: string;
}

/**
 * Types by extension, never sniffed (nosniff below): a module script and a module worker are refused
 * by Chromium unless served as JavaScript, and WebAssembly.instantiateStreaming only compiles
 * `application/wasm`. Electron takes a protocol response's MIME type from this content-type header
 * (shell/browser/net/electron_url_loader_factory.cc, ToResponseHead).
 */
export const UI_MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/**
 * Sent with every file, not only the page: a module worker's CSP is the one of its own script response
 * (it is what lets the worker compile the QR decoder's wasm, 'wasm-unsafe-eval'), and CORP keeps other
 * origins from embedding the till's files. No COEP: nothing needs SharedArrayBuffer, and require-corp
 * would only add a way for the webcam's blob: frames to break.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=(), usb=(), hid=(), serial=(), payment=()',
  // The files are rebuilt with every release; hashed names are cached by name, the page revalidates.
  'cache-control': 'no-cache',
};

function refusal(status: number, extra: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...SECURITY_HEADERS, ...extra } });
}

/**
 * The URL path as a list of plain file names, or null when any segment could climb out or alias:
 * `..`/`.` (also percent-encoded, which a non-special scheme's URL parser may leave as is), an encoded
 * slash or backslash, a NUL, or a Windows drive/stream colon.
 */
export function safeSegments(pathname: string): string[] | null {
  if (pathname === '/') return ['index.html'];
  if (!pathname.startsWith('/') || pathname.includes('\\')) return null;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (name === '' || name === '.' || name === '..' || /[/\\\0:]/.test(name)) return null;
    segments.push(name);
  }
  return segments;
}

export function createUiRequestHandler(options: UiRequestHandlerOptions): UiRequestHandler {
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, { allow: 'GET, HEAD' });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refusal(400);
    }
    if (options.host !== undefined && url.host !== options.host) return refusal(404);
    // The raw path, before any URL normalisation a host may or may not have applied.
    const segments = safeSegments(url.pathname);
    if (!segments) return refusal(404);
    try {
      // Resolved once; a failure (the folder not built yet) is retried on the next request.
      const root = await (realRoot ??= fsp.realpath(options.rootDir).catch((error: unknown) => {
        realRoot = null;
        throw error;
      }));
      // realpath resolves every symlink on the way: a link inside dist/renderer pointing out of it ends
      // up outside the root and is refused like a traversal.
      const file = await fsp.realpath(join(root, ...segments));
      if (!file.startsWith(root + sep)) return refusal(404);
      const info = await fsp.stat(file);
      if (!info.isFile()) return refusal(404);
      const type = UI_MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const headers = { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(info.size) };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      return new Response(new Uint8Array(await fsp.readFile(file)), { status: 200, headers });
    } catch {
      return refusal(404);
    }
  };
}
