// The hash chain's byte recipe. The Region's auditors re-implement this from README.md, so every rule
// here is written down there too; change nothing without a new recipe version.
//
//   canonical JSON (RFC 8259 subset):
//     - objects: keys sorted by UTF-16 code units (plain byte order for ASCII keys), no whitespace,
//       members whose value is `undefined` are left out;
//     - strings: as ECMAScript JSON.stringify writes them ("\"", "\\", \b \f \n \r \t, other controls
//       below U+0020 as \u00xx in lowercase hex, everything else raw, UTF-8 encoded); lone surrogates
//       are refused;
//     - numbers: integers only, |n| <= 2^53-1, plain decimal, no exponent, -0 written 0;
//     - true, false, null.
//   entry JSON = canonical JSON of {at, cashierId, deviceId, kind, payload, seq} (seq included, so an
//     entry cannot move without breaking its own hash; prevHash is not a member: it is the prefix below);
//   hash = lowercase hex SHA-256 of UTF-8(prevHash as 64 lowercase hex chars) ‖ UTF-8(entry JSON);
//   the first entry's prevHash is 64 zeros.
import { createHash } from 'node:crypto';
import type { JsonValue } from './json-value';

export const GENESIS_HASH = '0'.repeat(64);
const MAX_DEPTH = 32;

export class CanonicalJsonError extends Error {
  override readonly name = 'CanonicalJsonError';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function quote(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('a string holds a lone surrogate');
  return JSON.stringify(s);
}

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(`nesting deeper than ${MAX_DEPTH}`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(`not a safe integer: ${value}`);
      return value === 0 ? '0' : String(value);
    case 'string':
      return quote(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v: unknown) => write(v, depth + 1)).join(',')}]`;
      if (!isPlainObject(value)) throw new CanonicalJsonError('not a plain object');
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${quote(k)}:${write(record[k], depth + 1)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`not JSON: ${typeof value}`);
  }
}

/** The canonical JSON text of a value; throws CanonicalJsonError on anything outside the recipe. */
export function canonicalJson(value: JsonValue): string {
  return write(value, 0);
}

export interface EntryFields {
  seq: number;
  deviceId: string | null;
  kind: string;
  at: string;
  cashierId: string | null;
}

/**
 * The entry JSON from its fields and its payload's canonical text. Written by concatenation (keys
 * already in order) so that verification hashes the stored payload bytes as they are: a payload edited
 * into a different spelling of the same value breaks the hash, as it should.
 */
export function entryJson(e: EntryFields, payloadJson: string, from: 'input' | 'storage' = 'input'): string {
  // Text read back from SQLite is valid UTF-8 by construction: the surrogate check is for new input only.
  const q = from === 'input' ? quote : JSON.stringify;
  const nullable = (s: string | null) => (s === null ? 'null' : q(s));
  return `{"at":${q(e.at)},"cashierId":${nullable(e.cashierId)},"deviceId":${nullable(e.deviceId)},"kind":${q(e.kind)},"payload":${payloadJson},"seq":${write(e.seq, 0)}}`;
}

export function chainHash(prevHash: string, entryJsonText: string): string {
  return createHash('sha256').update(prevHash, 'utf8').update(entryJsonText, 'utf8').digest('hex');
}
