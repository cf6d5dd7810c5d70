import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode } from './base45';
import { normalizeCouponCode, makeCouponCode } from './coupon-code';
import {
  decodeToken,
  generateSigningKey,
  mintCouponToken,
  mintPassToken,
  publicJwk,
  signingKeyFromSeed,
  verifyToken,
} from './pass-token';
import type { Jwk, TokenResult } from './pass-token';

interface Vector {
  name: string;
  token: string;
  at: number;
  expect: string;
}
interface VectorFile {
  testKey: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; use?: string; d_hex_seed: string };
  vectors: Vector[];
}

const vectorFile = JSON.parse(
  readFileSync(fileURLToPath(new URL('../test/fixtures/token-vectors.json', import.meta.url)), 'utf8'),
) as VectorFile;
const testKey: Jwk = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: vectorFile.testKey.x,
  kid: vectorFile.testKey.kid,
  use: 'sig',
};

const outcome = (r: TokenResult): string => (r.ok ? 'valid' : r.code);

describe('token vectors', () => {
  it('has vectors to check', () => {
    expect(vectorFile.vectors.length).toBeGreaterThan(20);
  });
  for (const v of vectorFile.vectors) {
    it(`${v.name} → ${v.expect}`, () => {
      expect(outcome(verifyToken(v.token, [testKey], v.at))).toBe(v.expect);
    });
  }

  it('gives each broken vector a specific reason', () => {
    const reasons = Object.fromEntries(
      vectorFile.vectors.map((v) => {
        const r = verifyToken(v.token, [testKey], v.at);
        return [v.name, r.ok ? 'valid' : r.reason];
      }),
    );
    expect(reasons).toMatchObject({
      'signature with one bit flipped': 'SIGNATURE',
      'signed by an unpublished key with the published kid': 'SIGNATURE',
      'unknown kid': 'KID_UNKNOWN',
      'alg ES256 in the protected header': 'ALG',
      'coupon typ behind the pass prefix': 'TYP',
      'no typ': 'TYP',
      'untagged COSE_Sign1': 'NOT_SIGN1',
      'trailing bytes after the structure': 'CBOR',
      'sub is an integer': 'CLAIMS',
      'balances array of 3': 'CLAIMS',
      'lifetime over 600 s': 'LIFETIME',
      'lower-case Base45': 'BASE45',
      'Base45 triplet over 65535': 'BASE45',
      'wrong prefix': 'PREFIX',
      empty: 'EMPTY',
      'over 1,024 characters': 'TOO_LONG',
      'not yet valid (iat far in the future)': 'NOT_YET_VALID',
      'expired at the moment of use': 'EXPIRED',
    });
  });

  it('decodes the claims of the valid pass with accents', () => {
    const v = vectorFile.vectors.find((x) => x.name.startsWith('valid pass, names with accents'));
    const r = decodeToken(v?.token ?? '');
    expect(r.ok && r.token.kind).toBe('pass');
    if (r.ok && r.token.kind === 'pass') {
      expect(r.token.kid).toBe('rn-test-1');
      expect(r.token.claims.jti).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(`${r.token.claims.givenName} ${r.token.claims.familyName}`).toMatch(/[^\x00-\x7f]/);
    }
  });

  it('the published seed gives the published public key', () => {
    const key = signingKeyFromSeed('rn-test-1', Buffer.from(vectorFile.testKey.d_hex_seed, 'hex'));
    expect(key.x).toBe(testKey.x);
  });
});

describe('minting', () => {
  const key = generateSigningKey('rn-2025-1');
  const now = 1_759_500_000;
  const pass = {
    sub: 'B-2025-000123',
    iat: now,
    exp: now + 300,
    season: 2025,
    givenName: 'Zoé-Amélie',
    familyName: "N'Diaye Lefèvre",
    birthDate: '2007-02-28',
    balances: { SPECTACLE: 3000, CINEMA: 1250, PRATIQUE: 0, LOCAL: 500 },
  };

  it('round-trips a pass with accents through mint and verify', () => {
    const text = mintPassToken(pass, key);
    expect(text.startsWith('ATN1:')).toBe(true);
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    const r = verifyToken(text, [publicJwk(key)], now + 10);
    expect(r.ok).toBe(true);
    if (r.ok && r.token.kind === 'pass') {
      expect(r.token.claims).toMatchObject(pass);
      expect(r.token.text).toBe(text);
    }
  });

  it('keeps a given jti and makes fresh ones otherwise', () => {
    const jti = Buffer.alloc(16, 7).toString('base64url');
    const a = decodeToken(mintPassToken({ ...pass, jti }, key));
    const b = decodeToken(mintPassToken(pass, key));
    const c = decodeToken(mintPassToken(pass, key));
    expect(a.ok && a.token.claims.jti).toBe(jti);
    expect(b.ok && c.ok && b.token.claims.jti !== c.token.claims.jti).toBe(true);
  });

  it('verifies under the right one of two keys (rotation) and refuses the wrong key', () => {
    const other = generateSigningKey('rn-2025-2');
    const text = mintPassToken(pass, other);
    expect(outcome(verifyToken(text, [publicJwk(key), publicJwk(other)], now))).toBe('valid');
    const impostor: Jwk = { ...publicJwk(key), kid: 'rn-2025-2' };
    const r = verifyToken(text, [impostor], now);
    expect(r.ok ? 'valid' : r.reason).toBe('SIGNATURE');
  });

  it('applies the skew window at both ends', () => {
    const text = mintPassToken(pass, key);
    const keys = [publicJwk(key)];
    expect(outcome(verifyToken(text, keys, now - 120))).toBe('valid');
    expect(outcome(verifyToken(text, keys, now - 121))).toBe('TOKEN_INVALID');
    expect(outcome(verifyToken(text, keys, now + 300 + 120))).toBe('valid');
    expect(outcome(verifyToken(text, keys, now + 300 + 121))).toBe('TOKEN_EXPIRED');
  });

  it('refuses to mint a pass living over 600 s', () => {
    expect(() => mintPassToken({ ...pass, exp: now + 601 }, key)).toThrow(RangeError);
  });

  it('round-trips a coupon', () => {
    const coupon = {
      sub: 'B-2025-000123',
      iat: now,
      exp: now + 86_400 * 30,
      couponId: 'C-42',
      partnerId: 'P-7',
      category: 'SPORT' as const,
      amountCents: 2500,
      code: 'CP-7K3M-9QXZ',
    };
    const text = mintCouponToken(coupon, key);
    expect(text.startsWith('ATC1:')).toBe(true);
    const r = verifyToken(text, [publicJwk(key)], now + 86_400);
    expect(r.ok && r.token.kind === 'coupon' && r.token.claims).toMatchObject(coupon);
  });

  it('refuses a lower-cased or whitespace-padded token rather than guessing', () => {
    const text = mintPassToken(pass, key);
    expect(outcome(decodeToken(text.toLowerCase()))).toBe('TOKEN_INVALID');
    expect(outcome(decodeToken(`${text}\n`))).toBe('TOKEN_INVALID');
  });

  it('never throws on arbitrary text behind a prefix', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
    let seed = 12345;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      let s = 'ATN1:';
      const len = Math.floor(rnd() * 300);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = decodeToken(s);
      expect(r.ok).toBe(false);
    }
  });

  it('detects every single-character change of a valid token', () => {
    const text = mintPassToken(pass, key);
    const keys = [publicJwk(key)];
    for (let i = 5; i < text.length; i += 7) {
      const swapped = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
      expect(verifyToken(swapped, keys, now).ok).toBe(false);
    }
  });
});

describe('base45', () => {
  it('follows RFC 9285 examples', () => {
    expect(base45Encode(new TextEncoder().encode('AB'))).toBe('BB8');
    expect(base45Encode(new TextEncoder().encode('Hello!!'))).toBe('%69 VD92EX0');
    expect(base45Encode(new TextEncoder().encode('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(base45Decode('QED8WEX0') ?? new Uint8Array())).toBe('ietf!');
  });
  it('refuses what RFC 9285 calls invalid', () => {
    expect(base45Decode('GGW')).toBeNull(); // 65536
    expect(base45Decode('A')).toBeNull(); // length 1 mod 3
    expect(base45Decode('ZZ')).toBeNull(); // pair over 255
    expect(base45Decode('bb8')).toBeNull();
    expect(base45Decode('BB8')).toEqual(new TextEncoder().encode('AB'));
    expect(base45Decode('')).toEqual(new Uint8Array());
  });
  it('round-trips every byte', () => {
    const bytes = new Uint8Array(513).map((_, i) => (i * 37) & 0xff);
    expect(base45Decode(base45Encode(bytes))).toEqual(bytes);
  });
});

describe('coupon codes', () => {
  it('normalizes case and hyphens', () => {
    expect(normalizeCouponCode('cp-abcd-efgh')).toBe('CP-ABCD-EFGH');
    expect(normalizeCouponCode('CPABCDEFGH')).toBe('CP-ABCD-EFGH');
    expect(normalizeCouponCode(' cp-7k3m9qxz ')).toBe('CP-7K3M-9QXZ');
  });
  it('refuses letters Crockford leaves out and wrong lengths', () => {
    for (const bad of [
      'CP-ABCD-EFGI',
      'CP-LBCD-EFGH',
      'CP-ABCD-EFGO',
      'CP-ABCD-EFGU',
      'CP-ABCD-EFG',
      'CP-ABCD-EFGHJ',
      'XP-ABCD-EFGH',
      '',
    ]) {
      expect(normalizeCouponCode(bad)).toBeNull();
    }
  });
  it('makes codes that normalize to themselves', () => {
    let i = 0;
    const values = [0, 0.999999, 0.5, 0.25, 0.031, 0.97, 0.1, 0.8];
    const code = makeCouponCode(() => values[i++ % values.length] ?? 0);
    expect(code).toBe('CP-0ZG8-0Z3S');
    expect(normalizeCouponCode(code)).toBe(code);
  });
});
