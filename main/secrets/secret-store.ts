// Where the till keeps the Region device token. Never in clear on disk, never in logs.
// Electron encrypts with the OS keychain (safeStorage, in main/shell); browser mode and the CLI use an
// AES-256-GCM key kept in a separate file outside the data folder, so a copy of the data folder alone
// (a backup, a support bundle) does not carry a usable token.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileDurably } from '../files/durable-write';
import type { SecretProtectionView } from '../../preload/contract';

export interface SecretCipher {
  encrypt(plain: string): string;
  /** Throws when the sealed secret cannot be opened (lost or wrong key): the caller makes it a coded state. */
  decrypt(sealed: string): string;
  /** Where the key that seals the secret is kept, for the till's status (the UI words it). */
  readonly protection?: SecretProtectionView;
}

/** The key in `keyFile`, or null when it is absent, empty, truncated or unreadable. */
function readKey(keyFile: string): Buffer | null {
  try {
    if (!existsSync(keyFile)) return null;
    const k = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    return k.length === 32 ? k : null;
  } catch {
    return null;
  }
}

/**
 * A cipher whose key lives in `keyFile` (owner-only, written durably). The key is made when a secret is
 * first sealed (at enrolment), not when the cipher is built: a key that is missing or damaged (an empty
 * file after a power cut) is never silently replaced at start, so the sealed token fails to open and the
 * till reports DEVICE_SECRET_UNREADABLE; sealing a new token (re-enrolment) then writes a new key.
 */
export function fileKeyCipher(
  keyFile: string,
  protection: SecretProtectionView = { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' },
): SecretCipher {
  let current = readKey(keyFile);
  const sealingKey = (): Buffer => {
    if (current) return current;
    const k = randomBytes(32);
    writeFileDurably(keyFile, k.toString('base64'));
    current = k;
    return k;
  };
  return keyedCipher({ opening: () => current, sealing: sealingKey }, protection);
}

/** Where an AES-256-GCM cipher gets its key: the one to open with (null when lost), and the one to seal with. */
export interface CipherKeys {
  opening(): Buffer | null;
  sealing(): Buffer;
}

/**
 * The AES-256-GCM sealing every till cipher shares; only where the key lives differs (a file here, the
 * OS keychain behind the main process for Electron's core process: main/core-process/brokered-cipher.ts).
 */
export function keyedCipher(keys: CipherKeys, protection?: SecretProtectionView): SecretCipher {
  return {
    ...(protection ? { protection } : {}),
    encrypt(plain) {
      const key = keys.sealing();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        'v1',
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('sealed secret: unknown format');
      const key = keys.opening();
      if (!key) throw new Error('sealed secret: the key is missing or damaged');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
