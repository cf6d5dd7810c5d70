// Identifiers the Region hands out: readable, prefixed by kind, sequential per kind.
import { randomInt } from 'node:crypto';
import { CROCKFORD_ALPHABET } from '../../protocol/coupon-code';
import type { Db } from '../db/open-database';

export function nextId(db: Db, prefix: string, width = 6): string {
  const row = db
    .prepare(
      'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value',
    )
    .get(prefix) as { value: number };
  return `${prefix}-${String(row.value).padStart(width, '0')}`;
}

/** Uniform numbers in [0, 1) from the OS's CSPRNG, for codes that must not be guessable. */
export function secureRandom(): number {
  return randomInt(0, 2 ** 32) / 2 ** 32;
}

/** An enrolment code for a till: `ACT-XXXX-XXXX`, 40 bits of Crockford base32. */
export function makeActivationCode(): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += CROCKFORD_ALPHABET[randomInt(0, 32)];
  return `ACT-${body.slice(0, 4)}-${body.slice(4)}`;
}
