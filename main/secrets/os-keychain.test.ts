// Which protection the device token gets, for every answer Electron's safeStorage can give. The fake
// below reproduces electron/electron shell/browser/api/electron_api_safe_storage.cc (isEncryptionAvailable,
// getSelectedStorageBackend, encryptString/decryptString with their v10/v11 prefixes and their throws),
// since the Electron binary cannot run here; the key file is real.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tmp';
import { deviceSecretCipher, keychainProtection, type OsKeychain } from './os-keychain';

const tmp = makeTempDir('keychain');
afterAll(() => tmp.remove());
let n = 0;
const keyFile = () => join(tmp.dir, `keys${(n += 1)}`, 'device.key');

interface FakeState {
  ready?: boolean;
  /** OSCrypt::IsEncryptionAvailable(): a real OS key (DPAPI, Keychain, libsecret/kwallet). */
  osCrypt: boolean;
  /** linux_storage_backend(); absent off Linux. */
  backend?: string;
  /** setUsePlainTextEncryption(true) was called (use_password_v10_). */
  plainText?: boolean;
  /** Which key the OS hands out (a new login keyring is another key). */
  osKey?: string;
}

function fakeSafeStorage(state: FakeState): OsKeychain {
  const ready = state.ready ?? true;
  const available = () => {
    if (!ready) return false;
    if (state.backend === undefined) return state.osCrypt;
    return state.osCrypt || (state.plainText === true && state.backend === 'basic_text');
  };
  // basic_text uses Chromium's hardcoded v10 password ("peanuts"); a real store uses the OS's key.
  const key = () =>
    createHash('sha256')
      .update(state.backend === 'basic_text' || !state.osCrypt ? 'peanuts' : (state.osKey ?? 'os-key'))
      .digest();
  const keychain: OsKeychain = {
    isEncryptionAvailable: available,
    encryptString(plain) {
      if (!available())
        throw new Error(
          'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
        );
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([
        Buffer.from(state.backend === 'basic_text' ? 'v10' : 'v11'),
        iv,
        c.getAuthTag(),
        body,
      ]);
    },
    decryptString(sealed) {
      if (!available())
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
        );
      const prefix = sealed.subarray(0, 3).toString();
      if (prefix !== 'v10' && prefix !== 'v11')
        throw new Error('Ciphertext does not appear to be encrypted.');
      const d = createDecipheriv('aes-256-gcm', key(), sealed.subarray(3, 15));
      d.setAuthTag(sealed.subarray(15, 31));
      try {
        return Buffer.concat([d.update(sealed.subarray(31)), d.final()]).toString('utf8');
      } catch {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
    },
  };
  if (state.backend !== undefined)
    keychain.getSelectedStorageBackend = () => (ready ? (state.backend ?? 'unknown') : 'unknown');
  return keychain;
}

describe('keychainProtection', () => {
  it.each([
    ['win32', { osCrypt: true }, { store: 'os-keychain', backend: null }],
    ['darwin', { osCrypt: true }, { store: 'os-keychain', backend: null }],
    ['darwin', { osCrypt: false }, { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' }],
    ['win32', { osCrypt: true, ready: false }, { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' }],
    [
      'linux',
      { osCrypt: true, backend: 'gnome_libsecret' },
      { store: 'os-keychain', backend: 'gnome_libsecret' },
    ],
    ['linux', { osCrypt: true, backend: 'kwallet6' }, { store: 'os-keychain', backend: 'kwallet6' }],
    [
      'linux',
      { osCrypt: false, backend: 'basic_text' },
      { store: 'owner-only-file', reason: 'KEYCHAIN_BASIC_TEXT' },
    ],
    // Someone called setUsePlainTextEncryption(true): Electron then says "available", still not encryption.
    [
      'linux',
      { osCrypt: false, backend: 'basic_text', plainText: true },
      { store: 'owner-only-file', reason: 'KEYCHAIN_BASIC_TEXT' },
    ],
    [
      'linux',
      { osCrypt: false, backend: 'gnome_libsecret' },
      { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' },
    ],
    [
      'linux',
      { osCrypt: true, backend: 'gnome_libsecret', ready: false },
      { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' },
    ],
  ] as const)('%s %j → %j', (platform, state, expected) => {
    expect(keychainProtection(fakeSafeStorage(state), platform)).toEqual(expected);
  });
});

describe('deviceSecretCipher', () => {
  it('seals with the OS keychain where it encrypts, and writes no key file', () => {
    const file = keyFile();
    const cipher = deviceSecretCipher(
      fakeSafeStorage({ osCrypt: true, backend: 'gnome_libsecret' }),
      'linux',
      file,
    );
    const sealed = cipher.encrypt('dev_token');
    expect(sealed.startsWith('v1.')).toBe(false);
    expect(cipher.decrypt(sealed)).toBe('dev_token');
    expect(() => statSync(file)).toThrow();
    expect(cipher.protection).toEqual({ store: 'os-keychain', backend: 'gnome_libsecret' });
  });

  it('with basic_text, never hands the token to safeStorage: an owner-only key file seals it', () => {
    const keychain = fakeSafeStorage({ osCrypt: false, backend: 'basic_text', plainText: true });
    const file = keyFile();
    const cipher = deviceSecretCipher(keychain, 'linux', file);
    const sealed = cipher.encrypt('dev_token');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(deviceSecretCipher(keychain, 'linux', file).decrypt(sealed)).toBe('dev_token');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('opens a token sealed under the other protection while that one still works (keyring gained or lost)', () => {
    const file = keyFile();
    const fileSealed = deviceSecretCipher(
      fakeSafeStorage({ osCrypt: false, backend: 'basic_text' }),
      'linux',
      file,
    ).encrypt('dev_a');
    expect(
      deviceSecretCipher(fakeSafeStorage({ osCrypt: true, backend: 'kwallet5' }), 'linux', file).decrypt(
        fileSealed,
      ),
    ).toBe('dev_a');
  });

  it.each([
    ['the keyring is gone (basic_text now)', { osCrypt: false, backend: 'basic_text', plainText: true }],
    [
      'the keyring holds another key (a new login keyring)',
      { osCrypt: true, backend: 'gnome_libsecret', osKey: 'another' },
    ],
  ] as const)('throws when %s, so the till reports DEVICE_SECRET_UNREADABLE', (_what, later) => {
    const file = keyFile();
    const sealed = deviceSecretCipher(
      fakeSafeStorage({ osCrypt: true, backend: 'gnome_libsecret' }),
      'linux',
      file,
    ).encrypt('dev_token');
    expect(() => deviceSecretCipher(fakeSafeStorage(later), 'linux', file).decrypt(sealed)).toThrow();
  });
});
