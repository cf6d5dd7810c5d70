// The device token's cipher in Electron's core process: its AES key is sealed by the main process's OS
// keychain (here a stand-in broker with its own cipher and a switch to make it refuse), kept sealed in the
// data folder, opened once at start. The key never lies in clear on disk; a key the keychain no longer
// opens is not silently replaced: the token reads as unreadable until a new enrolment seals a new one.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brokeredCipher, SEALED_KEY_FILE, type SecretBroker } from '../../main/core-process/brokered-cipher';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { makeTempDir } from '../support/tmp';

const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function keychain(dir: string) {
  const cipher = fileKeyCipher(join(dir, 'keychain.key'));
  const requests: string[] = [];
  let refusing = false;
  const broker: SecretBroker = {
    request: async (op, text) => {
      requests.push(op);
      if (refusing) return { ok: false, code: 'DEVICE_SECRET_UNREADABLE' };
      try {
        return {
          ok: true,
          text: op === 'seal' ? cipher.encrypt(text) : cipher.decrypt(text),
          protection: { store: 'os-keychain', backend: 'gnome_libsecret' },
        };
      } catch {
        return { ok: false, code: 'DEVICE_SECRET_UNREADABLE' };
      }
    },
  };
  return { broker, requests, refuse: () => (refusing = true) };
}

describe('the brokered device-key cipher', () => {
  it('seals a key through the broker, writes it sealed at the first seal, and opens it again in the next core', async () => {
    const tmp = makeTempDir('brokered');
    temps.push(tmp);
    const file = join(tmp.dir, 'data', SEALED_KEY_FILE);
    const os = keychain(tmp.dir);
    const first = await brokeredCipher(file, os.broker, () => undefined);
    expect(first.protection).toEqual({ store: 'os-keychain', backend: 'gnome_libsecret' });
    expect(existsSync(file)).toBe(false);
    const sealed = first.encrypt('device-token-123');
    expect(sealed).not.toContain('device-token-123');
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk.startsWith('v1.')).toBe(true);

    const second = await brokeredCipher(file, os.broker, () => undefined);
    expect(second.decrypt(sealed)).toBe('device-token-123');
    expect(os.requests).toEqual(['seal', 'open']);
    expect(readFileSync(file, 'utf8')).toBe(onDisk);
  });

  it('keeps a key the keychain no longer opens: the token is unreadable until a new one is sealed', async () => {
    const tmp = makeTempDir('brokered-lost');
    temps.push(tmp);
    const file = join(tmp.dir, 'data', SEALED_KEY_FILE);
    const os = keychain(tmp.dir);
    const sealed = (await brokeredCipher(file, os.broker, () => undefined)).encrypt('old-token');
    const before = readFileSync(file, 'utf8');

    // Another keychain (a new OS profile): the old sealed key does not open, but a new one can be sealed.
    const other = keychain(join(tmp.dir, 'other'));
    const logs: unknown[] = [];
    const cipher = await brokeredCipher(file, other.broker, (message, fields) =>
      logs.push({ message, ...fields }),
    );
    expect(() => cipher.decrypt(sealed)).toThrow(/missing or damaged/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(logs).toEqual([{ message: 'sealed device key does not open', code: 'DEVICE_SECRET_UNREADABLE' }]);
    const resealed = cipher.encrypt('new-token');
    expect(readFileSync(file, 'utf8')).not.toBe(before);
    expect(cipher.decrypt(resealed)).toBe('new-token');
    expect((await brokeredCipher(file, other.broker, () => undefined)).decrypt(resealed)).toBe('new-token');
  });

  it('refuses to seal when the keychain refuses, and says so in a coded log line', async () => {
    const tmp = makeTempDir('brokered-refused');
    temps.push(tmp);
    const os = keychain(tmp.dir);
    os.refuse();
    const logs: unknown[] = [];
    const cipher = await brokeredCipher(join(tmp.dir, SEALED_KEY_FILE), os.broker, (message, fields) =>
      logs.push({ message, ...fields }),
    );
    expect(() => cipher.encrypt('token')).toThrow(/refused to seal/);
    expect(logs).toEqual([{ message: 'device key cannot be sealed', code: 'DEVICE_SECRET_UNREADABLE' }]);
  });
});
