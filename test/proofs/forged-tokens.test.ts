// Security proof: forged passes (wrong key under the published kid, no alg and no signature, HS256 keyed
// with the public key, tampered claims, an unknown kid, oversize) are refused by the till at the scan and
// by the Region at resolve and at debit; a pass replayed on a second till, a category withdrawn in the
// middle of the day and a suspended partner are refused too. Nothing reaches a wallet.
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { enrolTill, tillForTests } from '../../region-server/test/till-client';
import { base45Decode, base45Encode } from '../../protocol/base45';
import { ALG_EDDSA, COSE_SIGN1_TAG, parseSign1, sigStructure } from '../../protocol/cose-sign1';
import {
  decodeToken,
  generateSigningKey,
  mintPassToken,
  type Jwk,
  type PassClaims,
} from '../../protocol/pass-token';
import { signEd25519 } from '../../protocol/signing-keys';
import { decodeStrict, encodeCbor, Tag } from '../../protocol/strict-cbor';
import { cinemaSeat, engineFixture } from '../engine/engine-fixture';
import { regionForTests } from '../support/region-for-tests';
import { youthWithPass } from '../support/region-server';
import { engineForTests } from '../engine/engine-for-tests';

const region = regionForTests();
const till = engineForTests(region, { accreditations: ['CINEMA'] });
const http = tillForTests(region, ['CINEMA']);

const HEADER_ALG = 1;
const HEADER_KID = 4;
const HEADER_TYP = 16;
const CLAIM_SUB = 2;

function sign1(
  protectedHeader: Map<number, unknown>,
  payload: Uint8Array,
  sign: (data: Uint8Array) => Uint8Array,
): string {
  const protectedBytes = encodeCbor(protectedHeader);
  const signature = sign(sigStructure(protectedBytes, payload));
  return `ATN1:${base45Encode(encodeCbor(new Tag(COSE_SIGN1_TAG, [protectedBytes, new Map(), payload, signature])))}`;
}

function partsOf(token: string): { payload: Uint8Array; protectedBytes: Uint8Array; signature: Uint8Array } {
  const bytes = base45Decode(token.slice('ATN1:'.length));
  const parsed = bytes ? parseSign1(bytes) : null;
  if (!parsed?.ok) throw new Error('not a token');
  return {
    payload: parsed.sign1.payloadBytes,
    protectedBytes: parsed.sign1.protectedBytes,
    signature: parsed.sign1.signature,
  };
}

async function forgeries(): Promise<Record<string, string>> {
  const youth = await region.admin.createBeneficiary({
    givenName: 'Léa',
    familyName: 'Martin',
    birthDate: '2007-03-14',
  });
  const other = await region.admin.createBeneficiary({
    givenName: 'Hugo',
    familyName: 'Petit',
    birthDate: '2006-01-02',
  });
  const genuine = await region.admin.mintPass({ beneficiaryId: youth.id });
  const decoded = decodeToken(genuine);
  if (!decoded.ok || decoded.token.kind !== 'pass') throw new Error('the Region minted an unreadable pass');
  const claims: PassClaims = {
    ...decoded.token.claims,
    balances: { SPECTACLE: 99_999, CINEMA: 99_999, PRATIQUE: 99_999, LOCAL: 99_999 },
  };
  const keys = (await http.call('GET', '/v1/keys')).json.keys as Jwk[];
  const published = keys[0];
  if (!published) throw new Error('no published key');
  const fresh = () => ({ ...claims, jti: randomBytes(16).toString('base64url') });
  const { payload } = partsOf(mintPassToken(fresh(), generateSigningKey(published.kid)));
  const header = (alg: number | null) =>
    new Map<number, unknown>([
      ...(alg === null ? [] : [[HEADER_ALG, alg] as [number, unknown]]),
      [HEADER_KID, new TextEncoder().encode(published.kid)],
      [HEADER_TYP, 'pass'],
    ]);
  const publicKeyBytes = Buffer.from(published.x, 'base64url');

  // The genuine pass with its subject changed to another youth, the Region's signature kept.
  const real = partsOf(genuine);
  const map = decodeStrict(real.payload);
  if (!map.ok || !(map.value instanceof Map)) throw new Error('payload');
  const tampered = new Map(map.value);
  tampered.set(CLAIM_SUB, other.id);
  const tamperedPayload = encodeCbor(tampered);

  return {
    'wrong key under the published kid': mintPassToken(fresh(), generateSigningKey(published.kid)),
    'alg absent ("none"), empty signature': sign1(header(null), payload, () => new Uint8Array(0)),
    'HS256 keyed with the public key': sign1(header(5), payload, (data) =>
      createHmac('sha256', publicKeyBytes).update(data).digest(),
    ),
    'EdDSA header, HMAC signature': sign1(header(ALG_EDDSA), payload, (data) =>
      createHmac('sha256', publicKeyBytes).update(data).digest(),
    ),
    'tampered claims (another youth), genuine signature': `ATN1:${base45Encode(encodeCbor(new Tag(COSE_SIGN1_TAG, [real.protectedBytes, new Map(), tamperedPayload, real.signature])))}`,
    'unknown kid': mintPassToken(fresh(), generateSigningKey('rn-unknown-kid')),
    'self-signed with a made-up key': sign1(header(ALG_EDDSA), payload, (data) =>
      signEd25519(generateSigningKey(published.kid), data),
    ),
    oversize: `${genuine}${'A'.repeat(2000)}`,
  };
}

describe('forged passes', () => {
  it('are refused by the till at the scan and by the Region at resolve and at debit, and move no wallet', async () => {
    const forged = await forgeries();
    const before = await region.admin.ledger();
    const seen: Record<string, string[]> = {};
    for (const [name, token] of Object.entries(forged)) {
      const scan = await till.call('pass.scan', { text: token, source: 'paste' });
      const resolve = await http.call('POST', '/v1/passes/resolve', { token });
      const debit = await http.debit({ token, amountCents: 500 });
      seen[name] = [
        scan.kind === 'refused' ? scan.code : scan.kind,
        `${resolve.status} ${resolve.json.code}`,
        `${debit.status} ${debit.json.code}`,
      ];
    }
    const expected = Object.fromEntries(
      Object.keys(forged).map((name) => [
        name,
        name === 'oversize'
          ? [
              'TOKEN_INVALID',
              expect.stringMatching(/^4\d\d (TOKEN_INVALID|VALIDATION_FAILED)$/),
              expect.stringMatching(/^4\d\d (TOKEN_INVALID|VALIDATION_FAILED)$/),
            ]
          : ['TOKEN_INVALID', '422 TOKEN_INVALID', '422 TOKEN_INVALID'],
      ]),
    );
    expect(seen).toEqual(expected);
    expect(await region.admin.ledger()).toEqual(before);
  });
});

describe('refusals that depend on the Region', () => {
  const seat = (scanId: string) => cinemaSeat(scanId, 900, 400);

  it('a pass used on one till is refused on another (TOKEN_USED), at the debit and at the next scan', async () => {
    const second = await engineFixture(region, { accreditations: ['CINEMA'] });
    try {
      const youth = await region.admin.createBeneficiary({
        givenName: 'Inès',
        familyName: 'Roux',
        birthDate: '2008-08-08',
      });
      const token = await region.admin.mintPass({ beneficiaryId: youth.id });
      const a = await till.call('pass.scan', { text: token, source: 'paste' });
      const b = await second.call('pass.scan', { text: token, source: 'paste' });
      if (a.kind !== 'pass' || b.kind !== 'pass') throw new Error('both scans should show the card');
      expect((await till.call('debit.submit', seat(a.card.scanId))).status).toBe('accepted');
      expect(await second.call('debit.submit', seat(b.card.scanId))).toMatchObject({
        status: 'refused',
        code: 'TOKEN_USED',
      });
      expect(await second.call('pass.scan', { text: token, source: 'paste' })).toMatchObject({
        kind: 'refused',
        code: 'TOKEN_USED',
      });
      const ledger = (await region.admin.ledger()).filter((d) => d.beneficiaryId === youth.id);
      expect(ledger).toHaveLength(1);
    } finally {
      second.close();
    }
  });

  it('a category withdrawn mid-day is refused at the next debit; a suspended partner is refused', async () => {
    const f = await engineFixture(region, { accreditations: ['CINEMA', 'SPECTACLE'] });
    try {
      expect((await f.call('debit.submit', seat((await f.scanNewYouth()).scanId))).status).toBe('accepted');
      await region.admin.patchPartner(f.partnerId, { accreditations: ['SPECTACLE'] });
      expect(await f.call('debit.submit', seat((await f.scanNewYouth()).scanId))).toMatchObject({
        status: 'refused',
        code: 'NOT_ACCREDITED',
      });

      await region.admin.patchPartner(f.partnerId, {
        accreditations: ['SPECTACLE', 'CINEMA'],
        status: 'suspended',
      });
      // The Region refuses the suspended partner's scan already: the debit never starts.
      const youth = await youthWithPass(region, {
        givenName: 'Léo',
        familyName: 'Blanc',
        birthDate: '2007-07-07',
      });
      const scan = await f.call('pass.scan', { text: youth.token, source: 'paste' });
      expect(scan).toMatchObject({ kind: 'refused', code: 'PARTNER_SUSPENDED' });
      // And at the debit itself: a suspended partner's device posting a debit directly.
      const suspended = await enrolTill(region, ['CINEMA']);
      await region.admin.patchPartner(suspended.partnerId, { status: 'suspended' });
      const direct = await suspended.debit({
        token: await region.admin.mintPass({ beneficiaryId: youth.id }),
      });
      expect([direct.status, direct.json.code]).toEqual([403, 'PARTNER_SUSPENDED']);
      const ledger = await region.admin.ledger();
      expect(ledger.filter((d) => d.partnerId === f.partnerId)).toHaveLength(1);
    } finally {
      f.close();
    }
  });
});
