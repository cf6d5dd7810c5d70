import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, GENESIS_HASH, canonicalJson, chainHash, entryJson } from './chain-hash';
import type { JsonValue } from './json-value';

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('sorts keys by UTF-16 code units (upper case before lower case)', () => {
    expect(canonicalJson({ b: 1, B: 2, _: 3, a: 4 })).toBe('{"B":2,"_":3,"a":4,"b":1}');
  });

  it('escapes strings as JSON.stringify does and keeps other characters raw', () => {
    expect(canonicalJson({ s: 'é"\\\n\u0001\u2028' })).toBe('{"s":"é\\"\\\\\\n\\u0001\u2028"}');
  });

  it('writes integers plainly and -0 as 0', () => {
    expect(canonicalJson([0, -0, -12, 9007199254740991])).toBe('[0,0,-12,9007199254740991]');
  });

  it('leaves out members whose value is undefined', () => {
    const withHole = { a: 1, b: undefined } as unknown as JsonValue;
    expect(canonicalJson(withHole)).toBe('{"a":1}');
  });

  it.each<[string, unknown]>([
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['an unsafe integer', 2 ** 53],
    ['a lone surrogate', '\uD800x'],
    ['a Date', new Date(0)],
    ['a bigint', 1n],
    ['undefined in an array', [undefined]],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson({ v: value } as unknown as JsonValue)).toThrow(CanonicalJsonError);
  });
});

describe('the chain recipe (as README.md states it for auditors)', () => {
  it('hashes the 64-zero genesis, then the entry JSON with sorted members, as one SHA-256', () => {
    const text = entryJson(
      { seq: 1, deviceId: null, kind: 'STARTUP', at: '2026-01-02T03:04:05.006Z', cashierId: 'c1' },
      canonicalJson({ pid: 42 }),
    );
    const literal =
      '{"at":"2026-01-02T03:04:05.006Z","cashierId":"c1","deviceId":null,"kind":"STARTUP","payload":{"pid":42},"seq":1}';
    expect(text).toBe(literal);
    const expected = createHash('sha256')
      .update(Buffer.from('0'.repeat(64) + literal, 'utf8'))
      .digest('hex');
    expect(chainHash(GENESIS_HASH, text)).toBe(expected);
  });

  it('builds the same text as canonicalJson of the whole entry object', () => {
    const fields = {
      seq: 7,
      deviceId: 'dev-ü',
      kind: 'LOGIN',
      at: '2026-01-02T03:04:05.006Z',
      cashierId: null,
    };
    const payload = { staffId: 's"1', role: 'manager' };
    expect(entryJson(fields, canonicalJson(payload))).toBe(canonicalJson({ ...fields, payload }));
  });
});
