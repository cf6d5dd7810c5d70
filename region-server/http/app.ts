// The reference Region server's HTTP face: fastify with problem+json errors, a request id in every log
// line, injected faults on /v1/, and the till and admin routes.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Region } from '../domain/region';
import { isAdmin } from './guards';
import { problemAnswer, send } from './problem-reply';
import type { WriteFinisher } from './problem-reply';
import { registerAdminRoutes } from './routes-admin';
import { registerTillRoutes } from './routes-till';

export interface AppOptions {
  region: Region;
  adminKey: string;
  logLevel?: string;
  /** Where log lines go (stderr by default: stdout carries only the URL line). */
  logStream?: NodeJS.WritableStream;
  /** Source of randomness for fault injection. */
  random?: () => number;
}

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface RouteEntry {
  method: string;
  url: string;
}

/** Every route of an app, and those registered in the admin-guarded context (filled as routes register). */
export interface RouteTable {
  all: RouteEntry[];
  admin: RouteEntry[];
}

const ROUTE_TABLES = new WeakMap<FastifyInstance, RouteTable>();

const entries = (route: { method: string | string[]; url: string }): RouteEntry[] =>
  [route.method].flat().map((method) => ({ method, url: route.url }));

export function buildApp(opts: AppOptions): FastifyInstance {
  const { region, adminKey } = opts;
  const random = opts.random ?? Math.random;
  const app = Fastify({
    logger: {
      level: opts.logLevel ?? 'info',
      stream: opts.logStream ?? process.stderr,
      // Tokens travel only in bodies and names only in answers; neither is logged.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    forceCloseConnections: true,
    return503OnClosing: true,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const routes: RouteTable = { all: [], admin: [] };
  ROUTE_TABLES.set(app, routes);
  app.addHook('onRoute', (route) => {
    routes.all.push(...entries(route));
  });

  /** Sends a write's answer, or, when the drop fault fires, leaves the client with a dead socket. */
  const finishWrite: WriteFinisher = (request, reply, answer) => {
    const rate = region.settings.faults.dropAfterCommitRate;
    if (rate > 0 && random() < rate) {
      request.log.warn({ fault: 'drop-after-commit' }, 'injected fault');
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    return send(reply, answer);
  };

  app.setErrorHandler((error: { statusCode?: number; code?: string; message?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(
        reply,
        problemAnswer({
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          detail: `body over ${BODY_LIMIT_BYTES} bytes`,
        }),
      );
    }
    if (status >= 400 && status < 500) {
      return send(
        reply,
        problemAnswer({ status, code: 'VALIDATION_FAILED', detail: error.message ?? 'bad request' }),
      );
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, problemAnswer({ status: 500, code: 'INTERNAL', detail: 'unexpected error' }));
  });

  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      problemAnswer({
        status: 404,
        code: 'NOT_FOUND',
        detail: `no route ${request.method} ${request.url.split('?')[0]}`,
      }),
    ),
  );

  // Guards belong to the routes they protect, by registration: each group lives in its own encapsulated
  // context whose onRequest hook runs for exactly the routes registered in it, after the router has matched
  // the decoded path. A check on the raw URL's prefix (as before) let `/%61dmin/...` reach an admin route.
  app.register(async (till) => {
    till.addHook('onRequest', async (request, reply) => {
      const faults = region.settings.faults;
      if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
      if (faults.errorRate > 0 && random() < faults.errorRate) {
        request.log.warn({ fault: 'error' }, 'injected fault');
        return send(
          reply,
          problemAnswer({ status: 503, code: 'SERVICE_UNAVAILABLE', detail: 'injected fault' }),
        );
      }
      return undefined;
    });
    registerTillRoutes(till, region, finishWrite);
  });

  app.register(async (admin) => {
    admin.addHook('onRoute', (route) => {
      routes.admin.push(...entries(route));
    });
    admin.addHook('onRequest', async (request, reply) => {
      if (!isAdmin(request, adminKey))
        return send(
          reply,
          problemAnswer({ status: 401, code: 'UNAUTHORIZED', detail: 'X-Admin-Key missing or wrong' }),
        );
      return undefined;
    });
    registerAdminRoutes(admin, region);
  });

  return app;
}

/** The app's routes, and those the admin key guards, as registered (complete once the app is ready). */
export function routeTableOf(app: FastifyInstance): RouteTable {
  return ROUTE_TABLES.get(app) ?? { all: [], admin: [] };
}
