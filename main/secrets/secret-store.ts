// Where the till keeps the Region device token. Never in clear on disk, never in logs.
// Electron encrypts with the OS keychain (safeStorage, in main/shell); browser mode and the CLI use an
// AES-256-GCM key kept in a separate file outside the data folder, so a copy of the data folder alone
// (a backup, a support bundle) does not carry a usable token.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** A cipher whose key lives in `keyFile` (created 0600 on first use). */
export function fileKeyCipher(keyFile: string): SecretCipher {
  const key = (() => {
    if (existsSync(keyFile)) {
      const k = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
      if (k.length === 32) return k;
    }
    mkdirSync(dirname(keyFile), { recursive: true });
    const k = randomBytes(32);
    writeFileSync(keyFile, k.toString('base64'), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    return k;
  })();
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('sealed secret: unknown format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
