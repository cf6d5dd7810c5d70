// The file-key cipher against real files: the key is written owner-only and durably when the first
// secret is sealed, and a key that a power cut emptied, truncated or replaced never opens the token
// again: decrypt throws (the till makes that DEVICE_SECRET_UNREADABLE), it never invents a new key at
// start, and sealing again (re-enrolment) writes a new key that works.
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tmp';
import { fileKeyCipher } from './secret-store';

const tmp = makeTempDir('secret-store');
afterAll(() => tmp.remove());

const posix = process.platform !== 'win32';
let n = 0;
const keyPath = () => join(tmp.dir, `k${(n += 1)}`, 'device.key');

describe('fileKeyCipher', () => {
  it('makes no key until it seals, then an owner-only key in a folder of its own, and no temp file left', () => {
    const file = keyPath();
    const cipher = fileKeyCipher(file);
    expect(() => statSync(file)).toThrow();
    const sealed = cipher.encrypt('dev_secret');
    expect(cipher.decrypt(sealed)).toBe('dev_secret');
    expect(fileKeyCipher(file).decrypt(sealed)).toBe('dev_secret');
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toHaveLength(32);
    if (posix) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    }
    expect(readdirSync(join(file, '..'))).toEqual(['device.key']);
  });

  it.each([
    ['emptied by a power cut', (file: string) => truncateSync(file, 0)],
    ['truncated', (file: string) => truncateSync(file, 20)],
    ['not base64 of 32 bytes', (file: string) => writeFileSync(file, 'garbage')],
    [
      'replaced by another key',
      (file: string) => writeFileSync(file, Buffer.alloc(32, 7).toString('base64')),
    ],
  ])('a key %s never opens the sealed token, and is not replaced at start', (_what, damage) => {
    const file = keyPath();
    const sealed = fileKeyCipher(file).encrypt('dev_secret');
    damage(file);
    const damaged = readFileSync(file);
    const reopened = fileKeyCipher(file);
    expect(() => reopened.decrypt(sealed)).toThrow();
    expect(readFileSync(file)).toEqual(damaged);
    // Re-enrolment seals a new token: it works, and survives a restart.
    const resealed = reopened.encrypt('dev_new');
    expect(fileKeyCipher(file).decrypt(resealed)).toBe('dev_new');
  });

  it('a missing key file opens nothing (the CLI says so instead of making a useless key)', () => {
    const file = keyPath();
    const sealed = fileKeyCipher(file).encrypt('dev_secret');
    const elsewhere = fileKeyCipher(keyPath());
    expect(() => elsewhere.decrypt(sealed)).toThrow(/missing or damaged/);
  });
});
