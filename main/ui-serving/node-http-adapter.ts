// node:http → the UI request handler (Request → Response) → node:http. Browser mode serves its static
// files through this, so every browser e2e test runs the very handler Electron's app://till scheme uses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { UiRequestHandler } from './ui-request-handler';

/**
 * `origin` is the server's own (http://127.0.0.1:port). The raw request path is appended to it rather
 * than resolved against it, so a path like `//evil.example/x` stays a path and never becomes a host.
 * Only the method and URL are passed on: the handler reads nothing else.
 */
export async function serveThroughHandler(
  handler: UiRequestHandler,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
): Promise<void> {
  const path = req.url?.startsWith('/') ? req.url : '/';
  const response = await handler(new Request(origin + path, { method: req.method ?? 'GET' }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body || req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
}
