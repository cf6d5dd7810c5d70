// Ed25519 keys as the Region publishes them (JWK, RFC 8037), turned into node:crypto key objects once.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';

/** A pass-signing public key as the Region publishes it (`GET /v1/keys`, read by the till). */
export const PublicJwk = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  use: z.string().optional(),
});
/** A signing key; `d`, its private part, only ever held by the Region (and the tests that mint passes). */
export type Jwk = z.infer<typeof PublicJwk> & { d?: string };

const publicKeys = new WeakMap<Jwk, KeyObject | null>();
const privateKeys = new WeakMap<Jwk, KeyObject>();

/** The public key object of a JWK, or null when the JWK is not a usable Ed25519 key. */
export function publicKeyOf(jwk: Jwk): KeyObject | null {
  if (publicKeys.has(jwk)) return publicKeys.get(jwk) ?? null;
  let key: KeyObject | null = null;
  try {
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string') {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    }
  } catch {
    key = null;
  }
  publicKeys.set(jwk, key);
  return key;
}

function privateKeyOf(jwk: Jwk): KeyObject {
  const cached = privateKeys.get(jwk);
  if (cached) return cached;
  if (!jwk.d) throw new TypeError(`signing key ${jwk.kid} has no private part`);
  const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, format: 'jwk' });
  privateKeys.set(jwk, key);
  return key;
}

export function signEd25519(jwk: Jwk, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, data, privateKeyOf(jwk)));
}

export function verifyEd25519(jwk: Jwk, data: Uint8Array, signature: Uint8Array): boolean {
  const key = publicKeyOf(jwk);
  if (!key || signature.length !== 64) return false;
  try {
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

export function generateSigningKey(kid: string): Jwk {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string' || typeof jwk.d !== 'string')
    throw new Error('node:crypto exported no Ed25519 JWK');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d, kid, use: 'sig' };
}

/** A JWK from a raw 32-byte Ed25519 seed (how test keys are published). */
export function signingKeyFromSeed(kid: string, seed: Uint8Array): Jwk {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  // PKCS#8 prefix for an Ed25519 private key (RFC 8410), followed by the seed.
  const prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  const privateKey = createPrivateKey({ key: Buffer.concat([prefix, seed]), format: 'der', type: 'pkcs8' });
  const jwk = privateKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string' || typeof jwk.d !== 'string')
    throw new Error('node:crypto exported no Ed25519 JWK');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d, kid, use: 'sig' };
}

/** The public half of a key, as `GET /v1/keys` publishes it. */
export function publicJwk(jwk: Jwk): Jwk {
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: jwk.kid, use: 'sig' };
}
