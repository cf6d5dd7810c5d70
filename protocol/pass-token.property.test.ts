import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base45Decode, base45Encode } from './base45';
import { decodeToken, generateSigningKey, mintPassToken, publicJwk, verifyToken } from './pass-token';

const key = generateSigningKey('rn-prop-1');
const keys = [publicJwk(key)];

describe('token codec properties', () => {
  it('Base45 round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base45Decode(base45Encode(bytes))).toEqual(bytes);
      }),
    );
  });

  it('never throws and never accepts arbitrary bytes behind either prefix', () => {
    fc.assert(
      fc.property(fc.constantFrom('ATN1:', 'ATC1:'), fc.uint8Array({ maxLength: 400 }), (prefix, bytes) => {
        const r = verifyToken(prefix + base45Encode(bytes), keys, 1_759_500_000);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any names, balances and times a pass can carry', () => {
    const name = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((s) => s.length <= 100);
    fc.assert(
      fc.property(
        name,
        name,
        fc.array(fc.nat(1_000_000), { minLength: 4, maxLength: 4 }),
        fc.nat(2_000_000_000),
        fc.integer({ min: 0, max: 600 }),
        (given, family, b, iat, ttl) => {
          const claims = {
            sub: 'B-2025-000001',
            iat,
            exp: iat + ttl,
            season: 2025,
            givenName: given,
            familyName: family,
            birthDate: '2008-02-29',
            balances: { SPECTACLE: b[0] ?? 0, CINEMA: b[1] ?? 0, PRATIQUE: b[2] ?? 0, LOCAL: b[3] ?? 0 },
          };
          const text = mintPassToken(claims, key);
          const r = verifyToken(text, keys, iat);
          expect(r.ok && r.token.claims).toMatchObject(claims);
          expect(decodeToken(text).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
