// Which protection the device token gets in the Electron app, decided from what the OS keychain really
// offers. The shell passes Electron's `safeStorage` in (only main/shell/ imports electron, and
// safeStorage exists in the main process only: electron docs/api/safe-storage.md, "Process: Main");
// everything here is plain data and is table-tested under Node (main/secrets/os-keychain.test.ts).
//
// What Electron does (electron/electron shell/browser/api/electron_api_safe_storage.cc):
// - `IsEncryptionAvailable()` is false before the app is ready; on Linux it is
//   `OSCrypt::IsEncryptionAvailable() || (use_password_v10_ && linux_storage_backend() == "basic_text")`,
//   i.e. it also answers true for `basic_text` once someone has called setUsePlainTextEncryption(true).
// - `getSelectedStorageBackend()` (Linux only) answers "unknown" before ready, else the backend Chromium
//   chose: `basic_text`, `gnome_libsecret`, `kwallet`, `kwallet5`, `kwallet6`.
// - docs/api/safe-storage.md: with `basic_text`, items "will be unprotected as they are encrypted via
//   hardcoded plaintext password". That is obfuscation, not encryption.
// So the till never calls setUsePlainTextEncryption, treats `basic_text` (and `unknown`) as no keychain,
// and then keeps the token sealed with an AES-256-GCM key in an owner-only file outside the data
// folder, the same protection browser mode has, and says so in its status so the UI can show it.
import type { SecretProtectionView } from '../../preload/contract';
import { fileKeyCipher, type SecretCipher } from './secret-store';

/** The part of Electron's safeStorage the till uses. */
export interface OsKeychain {
  isEncryptionAvailable(): boolean;
  /** Linux only (absent elsewhere). */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** What the keychain offers on this machine; call it after the app's `ready` event. */
export function keychainProtection(keychain: OsKeychain, platform: NodeJS.Platform): SecretProtectionView {
  if (platform === 'linux') {
    const backend = keychain.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text') return { store: 'owner-only-file', reason: 'KEYCHAIN_BASIC_TEXT' };
    if (backend === 'unknown' || !keychain.isEncryptionAvailable())
      return { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' };
    return { store: 'os-keychain', backend };
  }
  return keychain.isEncryptionAvailable()
    ? { store: 'os-keychain', backend: null }
    : { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' };
}

/** A token sealed by the file-key cipher starts so; one sealed by the keychain is bare base64 (no '.'). */
const FILE_SEALED = 'v1.';

/**
 * The cipher for the device token: the OS keychain where it really encrypts, else the owner-only key
 * file `fallbackKeyFile` (keep it outside the data folder). Opening accepts either form, so a till
 * enrolled under one protection still opens its token when the other one is in force (a Linux session
 * that lost its keyring but kept the key file, or the reverse); when neither can, the till reports
 * DEVICE_SECRET_UNREADABLE and must be enrolled again.
 */
export function deviceSecretCipher(
  keychain: OsKeychain,
  platform: NodeJS.Platform,
  fallbackKeyFile: string,
): SecretCipher {
  const protection = keychainProtection(keychain, platform);
  const file = fileKeyCipher(fallbackKeyFile, protection);
  const viaKeychain = protection.store === 'os-keychain';
  return {
    protection,
    encrypt: (plain) =>
      viaKeychain ? keychain.encryptString(plain).toString('base64') : file.encrypt(plain),
    decrypt: (sealed) => {
      if (sealed.startsWith(FILE_SEALED)) return file.decrypt(sealed);
      // A keychain-sealed token while the keychain is not (or no longer) trustworthy: Electron's basic_text
      // would "decrypt" it with its hardcoded password or throw; either way it is not ours to open.
      if (!viaKeychain)
        throw new Error('sealed secret: sealed by the OS keychain, which is not available now');
      return keychain.decryptString(Buffer.from(sealed, 'base64'));
    },
  };
}
