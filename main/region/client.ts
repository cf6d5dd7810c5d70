// The till's side of the Region contract (region-api.md), over axios.
// Every answer is classified into exactly one of three outcomes, because a debit's safety depends on it:
//   ok       — a 2xx the till may record as done;
//   refused  — a definite 4xx with the contract's code: nothing happened at the Region;
//   unknown  — 5xx, timeout, dropped connection, garbled body: it may or may not have happened.
// 429 is definite "not done, come back later" and is reported as `retry` with its Retry-After.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { z } from 'zod';
import { assertRegionUrl } from './region-url';
import {
  AnchorPage,
  AnchorReceipt,
  ArchiveKeyState,
  type AnchorRequest,
  type Ed25519PublicJwk,
} from '../../protocol/anchors';
import { healthSchema, problemSchema } from './schemas';
import { EnrollAnswer, Partner, type EnrollBody } from '../../protocol/partners';
import { KeysAnswer, ResolvedPass } from '../../protocol/passes';
import { CouponList, CouponRedeemed, CouponResolved } from '../../protocol/coupons';
import { CheckinAnswer, Offer, Participant, type CheckinBody } from '../../protocol/offers';
import {
  DebitAccepted,
  DebitPage,
  VoidAnswer,
  type CouponRedeemBody,
  type DebitBody,
  type VoidBody,
} from '../../protocol/debits';
import { StatementDetail, StatementList } from '../../protocol/statements';

export type RegionOutcome<T> =
  | { kind: 'ok'; status: number; value: T }
  | { kind: 'refused'; status: number; code: string; detail?: string; extra?: Record<string, unknown> }
  | { kind: 'retry'; status: number; retryAfterMs: number }
  | { kind: 'unknown'; detail: string };

/**
 * A WHATWG fetch. In the Electron app the core passes Electron's `net.fetch`, available in the utility
 * process the core runs in (electron docs/api/net.md: "Process: Main, Utility"): Chromium's network stack,
 * so the till follows the OS proxy and PAC settings and trusts the OS certificate store, as the partner's
 * browser does. Without one (browser mode, CLI, tests) axios uses Node's own http adapter.
 */
export type RegionFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RegionClientOptions {
  baseUrl: string;
  token?: string | null;
  timeoutMs?: number;
  fetch?: RegionFetch | undefined;
}

function retryAfterMs(value: unknown): number {
  const text = typeof value === 'string' ? value : '';
  const seconds = Number(text);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3_600_000);
  const when = Date.parse(text);
  return Number.isFinite(when) ? Math.max(0, Math.min(when - Date.now(), 3_600_000)) : 1000;
}

export class RegionClient {
  private readonly http: AxiosInstance;

  /** Throws REGION_URL_INSECURE for an address that is neither https:// nor loopback: no request can go there. */
  constructor(private readonly options: RegionClientOptions) {
    assertRegionUrl(options.baseUrl);
    this.http = axios.create({
      ...(options.fetch
        ? { adapter: 'fetch' as const, env: { fetch: options.fetch } }
        : { adapter: 'http' as const }),
      baseURL: options.baseUrl.replace(/\/?$/, '/'),
      timeout: options.timeoutMs ?? 8000,
      // We classify every status ourselves; axios must not throw on 4xx/5xx.
      validateStatus: () => true,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      maxContentLength: 16 * 1024 * 1024,
      // Redirects could carry the device token elsewhere; the contract has none.
      maxRedirects: 0,
      transitional: { clarifyTimeoutError: true },
    });
  }

  withToken(token: string): RegionClient {
    return new RegionClient({ ...this.options, token });
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  private async request<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: S,
    body?: unknown,
    auth = true,
  ): Promise<RegionOutcome<z.infer<S>>> {
    let res: AxiosResponse<unknown>;
    try {
      res = await this.http.request({
        method,
        url: path.replace(/^\//, ''),
        data: body,
        headers: auth && this.options.token ? { authorization: `Bearer ${this.options.token}` } : {},
      });
    } catch (error) {
      const detail = axios.isAxiosError(error) ? `${error.code ?? 'ERR'} ${error.message}` : String(error);
      return { kind: 'unknown', detail };
    }
    if (res.status >= 200 && res.status < 300) {
      const parsed = schema.safeParse(res.data);
      if (!parsed.success) return { kind: 'unknown', detail: `unexpected ${res.status} body for ${path}` };
      return { kind: 'ok', status: res.status, value: parsed.data };
    }
    if (res.status === 429 || (res.status === 503 && res.headers['retry-after'] !== undefined)) {
      return { kind: 'retry', status: res.status, retryAfterMs: retryAfterMs(res.headers['retry-after']) };
    }
    if (res.status >= 400 && res.status < 500) {
      const problem = problemSchema.safeParse(res.data);
      if (problem.success) {
        // A problem's extension members (an anchor conflict names the anchor it contradicts) ride along.
        const {
          code,
          detail,
          title: _title,
          status: _status,
          type: _type,
          ...extra
        } = res.data as Record<string, unknown> & { code: string; detail?: string };
        const refused = {
          kind: 'refused' as const,
          status: res.status,
          code,
          ...(Object.keys(extra).length > 0 ? { extra } : {}),
        };
        return typeof detail === 'string' ? { ...refused, detail } : refused;
      }
      if (res.status === 401) return { kind: 'refused', status: 401, code: 'UNAUTHORIZED' };
      return {
        kind: 'refused',
        status: res.status,
        code: res.status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED',
      };
    }
    return { kind: 'unknown', detail: `HTTP ${res.status}` };
  }

  /** With `deviceId`: re-enrolment of that device of the partner (a new token; the old one stops working). */
  enroll(body: EnrollBody) {
    return this.request('POST', '/v1/devices/enroll', EnrollAnswer, body, false);
  }
  /** The journal's head at a moment the Region keeps (after a delivered batch, with a closure, after a restore). */
  postAnchor(body: AnchorRequest) {
    return this.request('POST', '/v1/devices/anchors', AnchorReceipt, body);
  }
  /** This device's anchors from `fromSeq` on, one page. */
  anchors(fromSeq: number, limit = 500) {
    return this.request('GET', `/v1/devices/anchors?fromSeq=${fromSeq}&limit=${limit}`, AnchorPage);
  }
  archiveKeys() {
    return this.request('GET', '/v1/devices/archive-key', ArchiveKeyState);
  }
  putArchiveKey(jwk: Ed25519PublicJwk) {
    return this.request('PUT', '/v1/devices/archive-key', ArchiveKeyState, { jwk });
  }
  partner() {
    return this.request('GET', '/v1/partner', Partner);
  }
  keys() {
    return this.request('GET', '/v1/keys', KeysAnswer);
  }
  health() {
    return this.request('GET', '/v1/health', healthSchema, undefined, false);
  }
  resolvePass(token: string) {
    return this.request('POST', '/v1/passes/resolve', ResolvedPass, { token });
  }
  postDebit(body: DebitBody) {
    return this.request('POST', '/v1/debits', DebitAccepted, body);
  }
  voidDebit(debitId: string, body: VoidBody) {
    return this.request('POST', `/v1/debits/${encodeURIComponent(debitId)}/void`, VoidAnswer, body);
  }
  listDebits(q: { from: string; to: string; cursor?: string; limit?: number }) {
    const params = new URLSearchParams({ from: q.from, to: q.to });
    if (q.cursor) params.set('cursor', q.cursor);
    if (q.limit) params.set('limit', String(q.limit));
    return this.request('GET', `/v1/debits?${params.toString()}`, DebitPage);
  }
  listCoupons() {
    return this.request('GET', '/v1/coupons?status=reserved', CouponList);
  }
  resolveCoupon(by: { code: string } | { token: string }) {
    return this.request('POST', '/v1/coupons/resolve', CouponResolved, by);
  }
  redeemCoupon(couponId: string, body: CouponRedeemBody) {
    return this.request('POST', `/v1/coupons/${encodeURIComponent(couponId)}/redeem`, CouponRedeemed, body);
  }
  offers() {
    return this.request('GET', '/v1/offers', z.array(Offer));
  }
  participants(offerId: string) {
    return this.request(
      'GET',
      `/v1/offers/${encodeURIComponent(offerId)}/participants`,
      z.array(Participant),
    );
  }
  checkin(offerId: string, body: CheckinBody) {
    return this.request('POST', `/v1/offers/${encodeURIComponent(offerId)}/checkins`, CheckinAnswer, body);
  }
  /** Every month of the partner the Region reports (open, closed, paid), newest first. */
  statements() {
    return this.request('GET', '/v1/statements', StatementList);
  }
  /** One month's statement with its lines (the accepted debits it counts). */
  statement(month: string) {
    return this.request('GET', `/v1/statements/${encodeURIComponent(month)}`, StatementDetail);
  }
}
