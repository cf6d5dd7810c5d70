// What a till does over HTTP, reduced to what contract tests need: enrol, then call with the token.
import { randomUUID } from 'node:crypto';
import type { Category, RegionHandle } from '../../test/support/region-server';
import type { DebitBody } from '../../protocol/debits';

export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
  // Parsed JSON; tests narrow it with expect().
  json: Record<string, unknown> & { code?: string };
}

export async function http(
  url: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...opts.headers,
    },
    ...(hasBody ? { body: opts.rawBody ?? JSON.stringify(opts.body) } : {}),
  });
  const text = await response.text();
  let json: HttpAnswer['json'] = {};
  try {
    json = text ? (JSON.parse(text) as HttpAnswer['json']) : {};
  } catch {
    json = {};
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

export interface Till {
  partnerId: string;
  deviceId: string;
  token: string;
  call(method: string, path: string, body?: unknown): Promise<HttpAnswer>;
  debit(fields: Partial<DebitBody> & { token: string }): Promise<HttpAnswer>;
}

let seq = 0;
let siret = 10_000_000_000_000;
let youths = 0;

/**
 * A birth date no other youth of this test process has, from 14 March 2008 a day at a time: the Region
 * takes one membership per person and season, so each call's youth is another person with the same name.
 */
export function anotherBirthDate(): string {
  return new Date(Date.UTC(2008, 2, 14 + youths++)).toISOString().slice(0, 10);
}

/** A new partner with those accreditations and one enrolled till. */
export async function enrolTill(
  region: RegionHandle,
  accreditations: Category[],
  name = 'Partenaire de test',
): Promise<Till> {
  const partner = await region.admin.createPartner({ name, siret: String(siret++), accreditations });
  const enrol = await http(region.url, 'POST', '/v1/devices/enroll', {
    body: { partnerId: partner.id, activationCode: partner.activationCode, deviceName: 'Caisse 1' },
  });
  if (enrol.status !== 201) throw new Error(`enrolment failed: ${enrol.text}`);
  const token = String(enrol.json.token);
  const till: Till = {
    partnerId: partner.id,
    deviceId: String(enrol.json.deviceId),
    token,
    call: (method, path, body) =>
      http(region.url, method, path, { token, ...(body === undefined ? {} : { body }) }),
    debit: async (fields) => {
      const now = (await http(region.url, 'GET', '/v1/health')).json.time as string;
      const category = fields.category ?? accreditations[0] ?? 'CINEMA';
      const body: DebitBody = {
        id: randomUUID(),
        deviceSeq: ++seq,
        category,
        item:
          category === 'CINEMA'
            ? 'SEANCE'
            : category === 'SPECTACLE'
              ? 'PLACE'
              : category === 'ARTISTIC'
                ? 'CYCLE'
                : category === 'SPORT'
                  ? 'LICENCE'
                  : 'ADHESION',
        ...(category === 'ARTISTIC' ? { sessions: 10 } : {}),
        amountCents: 500,
        priceCents: 800,
        occurredAt: now,
        mode: 'online',
        cashierId: 'cashier-1',
        ...fields,
      };
      return till.call('POST', '/v1/debits', body);
    },
  };
  return till;
}
