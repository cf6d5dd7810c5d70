// Pass and coupon tokens (pass-tokens.md): `ATN1:`/`ATC1:` + Base45(COSE_Sign1 of a CWT), Ed25519.
// One parser for every input channel. Every refusal is a value with a code for the cashier and a
// specific reason for logs and tests; no input, however broken, makes it throw.
import { randomBytes } from 'node:crypto';
import { base45Decode, base45Encode } from './base45';
import { ALG_EDDSA, buildSign1, parseSign1, sigStructure } from './cose-sign1';
import { signEd25519, verifyEd25519 } from './signing-keys';
import type { Jwk } from './signing-keys';
import { encodeCbor } from './strict-cbor';
import { decodeStrict } from './strict-cbor';
import {
  base64url,
  couponClaimsMap,
  parseCouponClaims,
  parsePassClaims,
  passClaimsMap,
} from './token-claims';
import type { CouponClaims, PassClaims } from './token-claims';

export type { Jwk } from './signing-keys';
export { generateSigningKey, publicJwk, signingKeyFromSeed } from './signing-keys';
export type { CouponClaims, PassClaims } from './token-claims';

export type TokenKind = 'pass' | 'coupon';

export type DecodedToken =
  | { kind: 'pass'; kid: string; claims: PassClaims; text: string }
  | { kind: 'coupon'; kid: string; claims: CouponClaims; text: string };

export type TokenReason =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'PREFIX'
  | 'BASE45'
  | 'CBOR'
  | 'NOT_SIGN1'
  | 'HEADER'
  | 'ALG'
  | 'TYP'
  | 'KID_MISSING'
  | 'KID_UNKNOWN'
  | 'SIGNATURE'
  | 'CLAIMS'
  | 'LIFETIME'
  | 'NOT_YET_VALID'
  | 'EXPIRED';

export type TokenFailure = {
  ok: false;
  code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED';
  reason: TokenReason;
  detail: string;
};
export type TokenResult = { ok: true; token: DecodedToken } | TokenFailure;

export const PASS_PREFIX = 'ATN1:';
export const COUPON_PREFIX = 'ATC1:';
export const MAX_TOKEN_LENGTH = 1024;
/** A pass token lives at most this long (`exp - iat`), so a screenshot is soon worthless. */
export const MAX_PASS_LIFETIME_SEC = 600;
/** Clock skew allowed either side of `[iat, exp]`. */
export const CLOCK_SKEW_SEC = 120;

const PREFIX_OF: Record<TokenKind, string> = { pass: PASS_PREFIX, coupon: COUPON_PREFIX };

function invalid(reason: TokenReason, detail: string): TokenFailure {
  return { ok: false, code: 'TOKEN_INVALID', reason, detail };
}

interface Parsed {
  token: DecodedToken;
  signed: Uint8Array;
  signature: Uint8Array;
}

function parse(text: string): { ok: true; parsed: Parsed } | TokenFailure {
  if (typeof text !== 'string' || text.length === 0) return invalid('EMPTY', 'no token');
  if (text.length > MAX_TOKEN_LENGTH) return invalid('TOO_LONG', `over ${MAX_TOKEN_LENGTH} characters`);
  const kind: TokenKind | null = text.startsWith(PASS_PREFIX)
    ? 'pass'
    : text.startsWith(COUPON_PREFIX)
      ? 'coupon'
      : null;
  if (!kind) return invalid('PREFIX', 'neither ATN1: nor ATC1:');
  const bytes = base45Decode(text.slice(PREFIX_OF[kind].length));
  if (!bytes) return invalid('BASE45', 'not strict upper-case Base45');
  const structure = parseSign1(bytes);
  if (!structure.ok) return invalid(structure.reason, structure.detail);
  const { sign1 } = structure;
  if (sign1.alg !== ALG_EDDSA) return invalid('ALG', `alg ${String(sign1.alg)} is not EdDSA (-8)`);
  if (sign1.typ !== kind) return invalid('TYP', `typ ${JSON.stringify(sign1.typ)} behind the ${kind} prefix`);
  if (sign1.kid === null || sign1.kid.length === 0)
    return invalid('KID_MISSING', 'no kid in the protected header');
  const payload = decodeStrict(sign1.payloadBytes);
  if (!payload.ok) return invalid('CBOR', `payload: ${payload.detail}`);
  let token: DecodedToken;
  if (kind === 'pass') {
    const claims = parsePassClaims(payload.value);
    if (!claims.ok) return invalid('CLAIMS', claims.detail);
    if (claims.claims.exp - claims.claims.iat > MAX_PASS_LIFETIME_SEC) {
      return invalid('LIFETIME', `exp - iat over ${MAX_PASS_LIFETIME_SEC} s`);
    }
    token = { kind, kid: sign1.kid, claims: claims.claims, text };
  } else {
    const claims = parseCouponClaims(payload.value);
    if (!claims.ok) return invalid('CLAIMS', claims.detail);
    token = { kind, kid: sign1.kid, claims: claims.claims, text };
  }
  return {
    ok: true,
    parsed: {
      token,
      signed: sigStructure(sign1.protectedBytes, sign1.payloadBytes),
      signature: sign1.signature,
    },
  };
}

/** Structure and claims only, no signature, no time. */
export function decodeToken(text: string): TokenResult {
  const result = parse(text);
  return result.ok ? { ok: true, token: result.parsed.token } : result;
}

/** Whether `nowSec` lies in the token's window `[iat - 120 s, exp + 120 s]`. */
export function checkTokenTime(token: DecodedToken, nowSec: number): TokenResult {
  const { iat, exp } = token.claims;
  if (nowSec < iat - CLOCK_SKEW_SEC) return invalid('NOT_YET_VALID', 'issued in the future');
  if (nowSec > exp + CLOCK_SKEW_SEC)
    return { ok: false, code: 'TOKEN_EXPIRED', reason: 'EXPIRED', detail: 'expired' };
  return { ok: true, token };
}

/** Everything: structure, signature under one of `keys` matched by kid, time window at `nowSec` ±120 s. */
export function verifyToken(text: string, keys: readonly Jwk[], nowSec: number): TokenResult {
  const result = parse(text);
  if (!result.ok) return result;
  const { token, signed, signature } = result.parsed;
  const key = keys.find((k) => k.kid === token.kid);
  if (!key) return invalid('KID_UNKNOWN', `no published key ${token.kid}`);
  if (!verifyEd25519(key, signed, signature)) return invalid('SIGNATURE', 'signature does not verify');
  return checkTokenTime(token, nowSec);
}

function freshJti(): string {
  return base64url(randomBytes(16));
}

function mint(kind: TokenKind, key: Jwk, payload: Map<number, unknown>): string {
  const bytes = buildSign1(key.kid, kind, encodeCbor(payload), (data) => signEd25519(key, data));
  return PREFIX_OF[kind] + base45Encode(bytes);
}

export function mintPassToken(claims: Omit<PassClaims, 'jti'> & { jti?: string }, key: Jwk): string {
  const full: PassClaims = { ...claims, jti: claims.jti ?? freshJti() };
  const text = mint('pass', key, passClaimsMap(full));
  const check = decodeToken(text);
  if (!check.ok)
    throw new RangeError(`refusing to mint an invalid pass token: ${check.reason} ${check.detail}`);
  return text;
}

export function mintCouponToken(claims: Omit<CouponClaims, 'jti'> & { jti?: string }, key: Jwk): string {
  const full: CouponClaims = { ...claims, jti: claims.jti ?? freshJti() };
  const text = mint('coupon', key, couponClaimsMap(full));
  const check = decodeToken(text);
  if (!check.ok)
    throw new RangeError(`refusing to mint an invalid coupon token: ${check.reason} ${check.detail}`);
  return text;
}
