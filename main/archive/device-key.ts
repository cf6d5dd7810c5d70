// The device's archive-signing key: an Ed25519 pair made on first use and kept in the journal's
// settings, its private half sealed by the same SecretCipher as the device token (safeStorage in Electron), so
// a copied journal file cannot sign an archive. Its public half is written into the chain (an EXPORTED entry)
// and registered with the Region (anchors), so an auditor can tell this device's key from one someone made
// up to re-sign an edited archive.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import type { Journal } from '../journal/journal';
import type { Ed25519PublicJwk } from '../../protocol/anchors';
import { TillError } from '../../preload/contract/errors';
import type { SecretCipher } from '../secrets/secret-store';

export interface DeviceKeyRecord {
  /** Base64url of the raw 32-byte public key (the JWK `x`). */
  publicKey: string;
  /** Base64 of the PKCS#8 DER private key, sealed by the till's SecretCipher. */
  sealedPrivateKey?: string;
  /** The same in clear: journals made before the key was sealed (sealed at their next use with a cipher). */
  privateKey?: string;
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

const privateKeyOf = (der: string): KeyObject =>
  createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });

/**
 * The journal's archive key, made (and declared in the chain) the first time it is asked for. `cipher` seals
 * and opens its private half; without one (a developer's CLI on a journal of old) only a key still in clear
 * can be used, and a new key is never made in clear.
 */
export function deviceKey(journal: Journal, cipher: SecretCipher | null): DeviceKey {
  const stored = journal.settings.get<DeviceKeyRecord>(SETTING);
  if (stored) {
    const { keyId, publicKey } = stored;
    if (stored.sealedPrivateKey !== undefined) {
      if (!cipher)
        throw new TillError(
          'DEVICE_SECRET_UNREADABLE',
          "the archive key is sealed: this needs the till's key",
        );
      let der: string;
      try {
        der = cipher.decrypt(stored.sealedPrivateKey);
      } catch (error) {
        throw new TillError('DEVICE_SECRET_UNREADABLE', `the archive key cannot be opened: ${String(error)}`);
      }
      return { keyId, publicKey, privateKey: privateKeyOf(der) };
    }
    if (stored.privateKey === undefined)
      throw new TillError('JOURNAL_BROKEN', 'the archive key record has no private half');
    if (cipher) {
      // A key kept in clear by an older till is sealed at its first use.
      const { privateKey: clear, ...rest } = stored;
      journal.settings.set(SETTING, { ...rest, sealedPrivateKey: cipher.encrypt(clear) });
    }
    return { keyId, publicKey, privateKey: privateKeyOf(stored.privateKey) };
  }
  if (!cipher)
    throw new TillError(
      'DEVICE_SECRET_UNREADABLE',
      'no archive key yet: it is made by the till, sealed with its key',
    );
  const pair = generateKeyPairSync('ed25519');
  const jwk = pair.publicKey.export({ format: 'jwk' });
  const publicKey = String(jwk.x);
  const record: DeviceKeyRecord = {
    publicKey,
    sealedPrivateKey: cipher.encrypt(
      pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    ),
    keyId: keyIdOf(publicKey),
    createdAt: new Date().toISOString(),
  };
  // The chain entry first: a key that is in the settings but not declared would never verify.
  journal.append({
    kind: 'EXPORTED',
    cashierId: null,
    payload: { what: 'archive-key', keyId: record.keyId, publicKey },
  });
  journal.settings.set(SETTING, { ...record });
  return { keyId: record.keyId, publicKey, privateKey: pair.privateKey };
}

/** The public half as the Region takes it (RFC 8037), with the key id. */
export function archiveJwk(key: Pick<DeviceKey, 'keyId' | 'publicKey'>): {
  keyId: string;
  jwk: Ed25519PublicJwk;
} {
  return {
    keyId: key.keyId,
    jwk: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey, use: 'sig', alg: 'EdDSA' },
  };
}

/** The public key this journal declared, if it ever made one. */
export function declaredPublicKey(journal: Journal): string | null {
  return journal.settings.get<DeviceKeyRecord>(SETTING)?.publicKey ?? null;
}

/**
 * The key's public half and id, made first if the journal has none: what the Region registers. Reads the
 * record's clear public half rather than opening the sealed private one (anchors ask after every batch).
 */
export function devicePublicKey(
  journal: Journal,
  cipher: SecretCipher | null,
): Pick<DeviceKey, 'keyId' | 'publicKey'> {
  const stored = journal.settings.get<DeviceKeyRecord>(SETTING);
  // None yet, or an older till's key still in clear: deviceKey makes it, or seals it, as at any first use.
  if (!stored || (stored.privateKey !== undefined && cipher)) return deviceKey(journal, cipher);
  return { keyId: stored.keyId, publicKey: stored.publicKey };
}
