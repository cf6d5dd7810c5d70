// The CWT claims of pass and coupon tokens (pass-tokens.md), by their integer keys. Parsing is strict
// about types and lenient about unknown claims, which are ignored so that the Region can add some.
import { COUPON_CATEGORIES, WALLETS } from './catalogue';
import type { CouponCategory } from './catalogue';
import { normalizeCouponCode } from './coupon-code';

export interface PassClaims {
  sub: string;
  exp: number;
  iat: number;
  /** base64url of the 16-byte `cti`. */
  jti: string;
  season: number;
  givenName: string;
  familyName: string;
  birthDate: string;
  balances: { SPECTACLE: number; CINEMA: number; PRATIQUE: number; LOCAL: number };
}

export interface CouponClaims {
  sub: string;
  exp: number;
  iat: number;
  jti: string;
  couponId: string;
  partnerId: string;
  category: CouponCategory;
  amountCents: number;
  code: string;
}

export const CLAIM = {
  sub: 2,
  exp: 4,
  iat: 6,
  cti: 7,
  season: -1,
  givenName: -2,
  familyName: -3,
  birthDate: -4,
  balances: -5,
  couponId: -10,
  partnerId: -11,
  category: -12,
  amountCents: -13,
  code: -14,
} as const;

export const MAX_SUB_LENGTH = 32;
export const MAX_NAME_LENGTH = 100;
const CTI_BYTES = 16;

export type ClaimsResult<T> = { ok: true; claims: T } | { ok: false; detail: string };

class ClaimError extends Error {}

function uint(map: Map<unknown, unknown>, key: number, name: string): number {
  const value = map.get(key);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new ClaimError(`${name} is not an unsigned integer`);
  return value;
}

function text(map: Map<unknown, unknown>, key: number, name: string, maxLength: number): string {
  const value = map.get(key);
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength)
    throw new ClaimError(`${name} is not text of 1..${maxLength} characters`);
  return value;
}

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** The 16 bytes of a jti, or null when it is not base64url of 16 bytes. */
export function ctiOfJti(jti: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{22}$/.test(jti)) return null;
  const bytes = new Uint8Array(Buffer.from(jti, 'base64url'));
  return bytes.length === CTI_BYTES && base64url(bytes) === jti ? bytes : null;
}

function common(map: Map<unknown, unknown>): { sub: string; exp: number; iat: number; jti: string } {
  const sub = text(map, CLAIM.sub, 'sub', MAX_SUB_LENGTH);
  const exp = uint(map, CLAIM.exp, 'exp');
  const iat = uint(map, CLAIM.iat, 'iat');
  const cti = map.get(CLAIM.cti);
  if (!(cti instanceof Uint8Array) || cti.length !== CTI_BYTES) throw new ClaimError('cti is not 16 bytes');
  if (exp < iat) throw new ClaimError('exp is before iat');
  return { sub, exp, iat, jti: base64url(cti) };
}

function guard<T>(parse: () => T): ClaimsResult<T> {
  try {
    return { ok: true, claims: parse() };
  } catch (error) {
    if (error instanceof ClaimError) return { ok: false, detail: error.message };
    throw error;
  }
}

export function parsePassClaims(value: unknown): ClaimsResult<PassClaims> {
  return guard(() => {
    if (!(value instanceof Map)) throw new ClaimError('payload is not a map');
    const base = common(value);
    const birthDate = text(value, CLAIM.birthDate, 'birth date', 10);
    if (!isCalendarDate(birthDate)) throw new ClaimError('birth date is not YYYY-MM-DD');
    const balances = value.get(CLAIM.balances);
    if (!Array.isArray(balances) || balances.length !== WALLETS.length)
      throw new ClaimError('balances is not an array of 4');
    const cents = balances.map((b: unknown) => {
      if (typeof b !== 'number' || !Number.isSafeInteger(b) || b < 0)
        throw new ClaimError('a balance is not an unsigned integer');
      return b;
    });
    return {
      ...base,
      season: uint(value, CLAIM.season, 'season'),
      givenName: text(value, CLAIM.givenName, 'given name', MAX_NAME_LENGTH),
      familyName: text(value, CLAIM.familyName, 'family name', MAX_NAME_LENGTH),
      birthDate,
      balances: {
        SPECTACLE: cents[0] ?? 0,
        CINEMA: cents[1] ?? 0,
        PRATIQUE: cents[2] ?? 0,
        LOCAL: cents[3] ?? 0,
      },
    };
  });
}

export function parseCouponClaims(value: unknown): ClaimsResult<CouponClaims> {
  return guard(() => {
    if (!(value instanceof Map)) throw new ClaimError('payload is not a map');
    const base = common(value);
    const category = value.get(CLAIM.category);
    if (!(COUPON_CATEGORIES as readonly unknown[]).includes(category))
      throw new ClaimError('category is not SPORT or ARTISTIC');
    const code = text(value, CLAIM.code, 'code', 16);
    if (normalizeCouponCode(code) !== code) throw new ClaimError('code is not a canonical CP-XXXX-XXXX');
    return {
      ...base,
      couponId: text(value, CLAIM.couponId, 'coupon id', 64),
      partnerId: text(value, CLAIM.partnerId, 'partner id', 64),
      category: category as CouponCategory,
      amountCents: uint(value, CLAIM.amountCents, 'amount'),
      code,
    };
  });
}

function commonEntries(claims: { sub: string; exp: number; iat: number; jti: string }): [number, unknown][] {
  const cti = ctiOfJti(claims.jti);
  if (!cti) throw new RangeError('jti is not base64url of 16 bytes');
  return [
    [CLAIM.sub, claims.sub],
    [CLAIM.exp, claims.exp],
    [CLAIM.iat, claims.iat],
    [CLAIM.cti, cti],
  ];
}

export function passClaimsMap(claims: PassClaims): Map<number, unknown> {
  return new Map<number, unknown>([
    ...commonEntries(claims),
    [CLAIM.season, claims.season],
    [CLAIM.givenName, claims.givenName],
    [CLAIM.familyName, claims.familyName],
    [CLAIM.birthDate, claims.birthDate],
    [CLAIM.balances, WALLETS.map((w) => claims.balances[w])],
  ]);
}

export function couponClaimsMap(claims: CouponClaims): Map<number, unknown> {
  return new Map<number, unknown>([
    ...commonEntries(claims),
    [CLAIM.couponId, claims.couponId],
    [CLAIM.partnerId, claims.partnerId],
    [CLAIM.category, claims.category],
    [CLAIM.amountCents, claims.amountCents],
    [CLAIM.code, claims.code],
  ]);
}
