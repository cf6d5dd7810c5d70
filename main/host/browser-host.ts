// Browser mode: the till's UI served to a local browser, with the contract over HTTP and events over
// server-sent events. Used in development, in end-to-end tests, and where no Electron binary runs.
// Bound to 127.0.0.1; every API request is checked by request-guard (host, origin, per-launch secret).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { EventBus } from '../core/event-bus';
import type { Dispatch } from '../transport/dispatch';
import { createUiRequestHandler } from '../ui-serving/ui-request-handler';
import { serveThroughHandler } from '../ui-serving/node-http-adapter';
import { guardApiRequest, guardStaticRequest } from './request-guard';

export interface BrowserHostOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed only in tests; a fresh random secret per launch otherwise. */
  secret?: string;
}

export interface BrowserHost {
  /** The URL to open: the secret travels in the fragment, which never reaches a server log. */
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
export const SECRET_HEADER = 'x-till-secret';

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const streams = new Set<ServerResponse>();

  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  // The same handler as Electron's app://till scheme (main/shell/app-scheme.ts): one set of path,
  // MIME and header rules for both hosts.
  const serveUi = createUiRequestHandler({ rootDir: options.staticDir });

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const decision = guardStaticRequest(header(req, 'host'), port);
    if (!decision.ok) return sendJson(res, decision.status, { error: decision.reason });
    await serveThroughHandler(serveUi, req, res, `http://127.0.0.1:${port}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method' });
      return serveStatic(req, res);
    }
    const decision = guardApiRequest(
      {
        method: req.method ?? 'GET',
        host: header(req, 'host'),
        origin: header(req, 'origin'),
        secret: header(req, SECRET_HEADER),
        fetchSite: header(req, 'sec-fetch-site'),
      },
      { port, secret },
    );
    if (!decision.ok) return sendJson(res, decision.status, { error: decision.reason });

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const match = /^\/api\/call\/([a-zA-Z.]{1,64})$/.exec(url.pathname);
    if (!match || req.method !== 'POST') return sendJson(res, 404, { error: 'not found' });
    if (!(header(req, 'content-type') ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { error: 'content-type' });
    }
    const text = await readBody(req);
    if (text === null)
      return sendJson(res, 413, { ok: false, error: { code: 'INPUT_INVALID', detail: 'body too large' } });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INPUT_INVALID', detail: 'malformed JSON' } });
    }
    const input =
      typeof body === 'object' && body !== null && 'input' in body
        ? (body as { input: unknown }).input
        : undefined;
    sendJson(res, 200, await options.dispatch(match[1] ?? '', input));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL' } });
      else res.end();
    });
  });
  // SSE streams must outlive the default request timeouts.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/#k=${secret}`,
    port,
    secret,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
