// What a till does over HTTP, reduced to what contract tests need: enrol, then call with the token.
import { randomUUID } from 'node:crypto';
import type { Category, RegionHandle } from '../../test/support/region-server';
import type { DebitBody, VoidBody } from '../../protocol/debits';
import { madeBeforeAll } from '../../test/support/made-before-all';

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
  /** A debit of `debitBody`'s sale in the till's first category, dated by the Region's clock. */
  debit(fields: Partial<DebitBody> & { token: string }): Promise<HttpAnswer>;
  /** Voids a debit, dated by the Region's clock unless `fields` say when. */
  void(debitId: string, fields?: Partial<VoidBody>): Promise<HttpAnswer>;
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

const usualItem: Record<string, string> = {
  CINEMA: 'SEANCE',
  SPECTACLE: 'PLACE',
  ARTISTIC: 'CYCLE',
  SPORT: 'LICENCE',
};

/**
 * A debit request as a till sends it: 5 € of an 8 € sale of the category's usual item (a CINEMA seat unless
 * told), online, under a new id and the next device seq; `fields` say whatever a test needs otherwise.
 */
export function debitBody(fields: Partial<DebitBody> & { token: string; occurredAt: string }): DebitBody {
  const category = fields.category ?? 'CINEMA';
  return {
    id: randomUUID(),
    deviceSeq: ++seq,
    category,
    item: usualItem[category] ?? 'ADHESION',
    ...(category === 'ARTISTIC' ? { sessions: 10 } : {}),
    amountCents: 500,
    priceCents: 800,
    mode: 'online',
    cashierId: 'cashier-1',
    ...fields,
  };
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
  const regionNow = async (): Promise<string> =>
    (await http(region.url, 'GET', '/v1/health')).json.time as string;
  const till: Till = {
    partnerId: partner.id,
    deviceId: String(enrol.json.deviceId),
    token,
    call: (method, path, body) =>
      http(region.url, method, path, { token, ...(body === undefined ? {} : { body }) }),
    debit: async (fields) =>
      till.call(
        'POST',
        '/v1/debits',
        debitBody({ category: accreditations[0] ?? 'CINEMA', occurredAt: await regionNow(), ...fields }),
      ),
    void: async (debitId, fields = {}) =>
      till.call('POST', `/v1/debits/${debitId}/void`, {
        id: randomUUID(),
        reason: 'annulée en caisse',
        occurredAt: fields.occurredAt ?? (await regionNow()),
        cashierId: 'cashier-1',
        ...fields,
      }),
  };
  return till;
}

/** A till enrolled once for a test file's tests (in beforeAll), on the file's Region server. */
export function tillForTests(region: RegionHandle, accreditations: Category[], name?: string): Till {
  return madeBeforeAll(`the ${accreditations.join('/')} till`, () => enrolTill(region, accreditations, name));
}
