// CBOR decoding for untrusted bytes (a scanned QR code): one definite-length item in preferred
// encoding, nothing after it, no floats, no exotic simple values, no duplicate map keys, and no tag
// unless the caller asks for it. Anything else is refused, never guessed at.
import { decode, encode, Tag } from 'cbor2';
import type { DecodeOptions } from 'cbor2';

const STRICT: DecodeOptions = {
  rejectStreaming: true,
  requirePreferred: true,
  rejectDuplicateKeys: true,
  rejectFloats: true,
  rejectSimple: true,
  rejectUndefined: true,
  rejectBigInts: true,
  rejectLargeNegatives: true,
  preferMap: true,
  ignoreGlobalTags: true,
  maxDepth: 8,
};

export type StrictDecoded = { ok: true; value: unknown } | { ok: false; detail: string };

/** Decodes exactly one CBOR item; tags come back as `Tag` objects for the caller to check. */
export function decodeStrict(bytes: Uint8Array): StrictDecoded {
  try {
    return { ok: true, value: decode(bytes, STRICT) };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export function encodeCbor(value: unknown): Uint8Array {
  return encode(value);
}

export { Tag };
