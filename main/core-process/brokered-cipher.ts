// The device token's cipher inside Electron's core process. safeStorage, the OS keychain, exists in the
// main process only (electron docs/api/safe-storage.md, "Process: Main"), and the core needs its cipher
// synchronously (the Region link seals at enrolment and opens on first use). So the main process keeps
// a small broker that seals and opens one thing: a random AES-256-GCM key, kept sealed in the data folder.
// The core opens it once at start (or seals a fresh one beforehand, for the next enrolment) over the
// parent channel, and then seals and opens the token itself with the key in memory. The key never touches
// the disk in clear; a copy of the data folder carries only the keychain-sealed key.
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { ErrorCode, SecretProtectionView } from '../../preload/contract';
import { writeFileDurably } from '../files/durable-write';
import { keyedCipher, type SecretCipher } from '../secrets/secret-store';

/** The sealed key's file, in the data folder. */
export const SEALED_KEY_FILE = 'device-key.sealed';

export type BrokerAnswer =
  { ok: true; text: string; protection?: SecretProtectionView } | { ok: false; code: ErrorCode };

/** The main process's side, asked over the parent channel. */
export interface SecretBroker {
  request(op: 'seal' | 'open', text: string): Promise<BrokerAnswer>;
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

const KEY_BYTES = 32;

function readSealedKey(file: string): string | null {
  try {
    if (!existsSync(file)) return null;
    const text = readFileSync(file, 'utf8').trim();
    return text.length > 0 ? text : null;
  } catch {
    return null;
  }
}

async function openKey(
  broker: SecretBroker,
  sealed: string,
  log: Log,
): Promise<{ key: Buffer | null; protection?: SecretProtectionView }> {
  const answer = await broker.request('open', sealed);
  if (!answer.ok) {
    log('sealed device key does not open', { code: answer.code });
    return { key: null };
  }
  const key = Buffer.from(answer.text, 'base64');
  if (key.length !== KEY_BYTES) {
    log('sealed device key does not open', { code: 'DEVICE_SECRET_UNREADABLE', detail: 'wrong length' });
    return { key: null, ...(answer.protection ? { protection: answer.protection } : {}) };
  }
  return { key, ...(answer.protection ? { protection: answer.protection } : {}) };
}

/**
 * Builds the cipher before the till opens. A key that no longer opens (the keychain changed) is kept on
 * disk, not replaced: the token then reads as unreadable and the till asks for a new enrolment, which seals
 * with a fresh key made here in advance and only then written over the old one.
 */
export async function brokeredCipher(file: string, broker: SecretBroker, log: Log): Promise<SecretCipher> {
  const sealed = readSealedKey(file);
  const opened = sealed ? await openKey(broker, sealed, log) : { key: null };
  let current = opened.key;
  let protection = opened.protection;
  let spare: { key: Buffer; sealed: string } | null = null;
  if (!current) {
    const key = randomBytes(KEY_BYTES);
    const answer = await broker.request('seal', key.toString('base64'));
    if (answer.ok) {
      spare = { key, sealed: answer.text };
      protection = answer.protection ?? protection;
    } else {
      log('device key cannot be sealed', { code: answer.code });
    }
  }
  return keyedCipher(
    {
      opening: () => current,
      sealing: () => {
        if (current) return current;
        if (!spare) throw new Error('sealed secret: the OS keychain refused to seal a key');
        writeFileDurably(file, spare.sealed);
        current = spare.key;
        spare = null;
        return current;
      },
    },
    protection ?? { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' },
  );
}
