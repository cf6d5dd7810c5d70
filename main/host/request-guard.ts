// Who may talk to the browser-mode host: a pure decision, table-tested, rather than checks buried in handlers.
// The host listens on 127.0.0.1 only, but any web page the cashier opens can send requests to it, and a
// DNS-rebinding page can even do so "same-origin". So every API request must name our exact host,
// come from our exact origin when it says one, and carry the per-launch secret.
import { timingSafeEqual } from 'node:crypto';

export interface GuardInput {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  secret: string | undefined;
  /** Sec-Fetch-Site, when the browser sends it. */
  fetchSite: string | undefined;
}

export interface GuardConfig {
  port: number;
  secret: string;
}

export type GuardDecision = { ok: true } | { ok: false; status: 401 | 403 | 421; reason: string };

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function guardApiRequest(req: GuardInput, config: GuardConfig): GuardDecision {
  if (!req.host || !allowedHosts(config.port).includes(req.host.toLowerCase())) {
    return { ok: false, status: 421, reason: 'host' };
  }
  if (req.origin !== undefined && !allowedOrigins(config.port).includes(req.origin)) {
    return { ok: false, status: 403, reason: 'origin' };
  }
  // A state-changing request from a browser always carries Origin; its absence means a non-browser or a bug.
  if (req.method !== 'GET' && req.origin === undefined) return { ok: false, status: 403, reason: 'origin' };
  if (req.fetchSite !== undefined && req.fetchSite !== 'same-origin' && req.fetchSite !== 'none') {
    return { ok: false, status: 403, reason: 'fetch-site' };
  }
  if (!req.secret || !sameSecret(req.secret, config.secret))
    return { ok: false, status: 401, reason: 'secret' };
  return { ok: true };
}

/** Static files carry no secret but still only answer to our own host name (DNS rebinding). */
export function guardStaticRequest(host: string | undefined, port: number): GuardDecision {
  if (!host || !allowedHosts(port).includes(host.toLowerCase()))
    return { ok: false, status: 421, reason: 'host' };
  return { ok: true };
}
