// The device's archive-signing key: an Ed25519 pair made on first use and kept in the journal's
// settings. Its public half is also written into the chain (an EXPORTED entry), so an auditor holding
// the journal can tell this device's key from one someone made up to re-sign an edited archive.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Journal } from '../journal/journal';

export interface DeviceKeyRecord {
  /** Base64url of the raw 32-byte public key (the JWK `x`). */
  publicKey: string;
  /** Base64 of the PKCS#8 DER private key. */
  privateKey: string;
  keyId: string;
  createdAt: string;
}

export interface DeviceKey {
  keyId: string;
  publicKey: string;
  privateKey: KeyObject;
}

const SETTING = 'archive.signingKey';

/** The key's id: the first 16 hex digits of SHA-256 over the raw public key. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64url')).digest('hex').slice(0, 16);
}

export function publicKeyObject(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
}

/** The journal's archive key, made (and declared in the chain) the first time it is asked for. */
export function deviceKey(journal: Journal): DeviceKey {
  const stored = journal.settings.get<DeviceKeyRecord>(SETTING);
  if (stored) return { keyId: stored.keyId, publicKey: stored.publicKey, privateKey: createPrivateKey({ key: Buffer.from(stored.privateKey, 'base64'), format: 'der', type: 'pkcs8' }) };
  const pair = generateKeyPairSync('ed25519');
  const jwk = pair.publicKey.export({ format: 'jwk' });
  const publicKey = String(jwk.x);
  const record: DeviceKeyRecord = {
    publicKey,
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    keyId: keyIdOf(publicKey),
    createdAt: new Date().toISOString(),
  };
  // The chain entry first: a key that is in the settings but not declared would never verify.
  journal.append({ kind: 'EXPORTED', cashierId: null, payload: { what: 'archive-key', keyId: record.keyId, publicKey } });
  journal.settings.set(SETTING, { ...record });
  return { keyId: record.keyId, publicKey, privateKey: pair.privateKey };
}

/** The public key this journal declared, if it ever made one. */
export function declaredPublicKey(journal: Journal): string | null {
  return journal.settings.get<DeviceKeyRecord>(SETTING)?.publicKey ?? null;
}
