// COSE_Sign1 (RFC 9052) as pass-tokens.md profiles it: tag 18, a protected header
// {1: alg, 4: kid, 16: typ} wrapped in a byte string, an empty unprotected map, an attached payload
// and an Ed25519 signature over the Sig_structure.
import { decodeStrict, encodeCbor, Tag } from './strict-cbor';

export const COSE_SIGN1_TAG = 18;
export const ALG_EDDSA = -8;
const HEADER_ALG = 1;
const HEADER_CRIT = 2;
const HEADER_KID = 4;
const HEADER_TYP = 16;

export interface Sign1 {
  protectedBytes: Uint8Array;
  alg: number | null;
  kid: string | null;
  typ: string | null;
  payloadBytes: Uint8Array;
  signature: Uint8Array;
}

export type Sign1Failure = { ok: false; reason: 'CBOR' | 'NOT_SIGN1' | 'HEADER'; detail: string };
export type Sign1Result = { ok: true; sign1: Sign1 } | Sign1Failure;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function fail(reason: Sign1Failure['reason'], detail: string): Sign1Failure {
  return { ok: false, reason, detail };
}

/** The Sig_structure bytes that the signature covers (RFC 9052 §4.4, no external AAD). */
export function sigStructure(protectedBytes: Uint8Array, payloadBytes: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payloadBytes]);
}

export function parseSign1(bytes: Uint8Array): Sign1Result {
  const outer = decodeStrict(bytes);
  if (!outer.ok) return fail('CBOR', outer.detail);
  const tagged = outer.value;
  if (!(tagged instanceof Tag) || Number(tagged.tag) !== COSE_SIGN1_TAG) {
    return fail('NOT_SIGN1', 'not a CBOR tag 18 (COSE_Sign1)');
  }
  const parts = tagged.contents;
  if (!Array.isArray(parts) || parts.length !== 4)
    return fail('NOT_SIGN1', 'COSE_Sign1 is not an array of 4');
  const [protectedBytes, unprotected, payloadBytes, signature] = parts as unknown[];
  if (!(protectedBytes instanceof Uint8Array))
    return fail('NOT_SIGN1', 'protected header is not a byte string');
  if (!(unprotected instanceof Map) || unprotected.size !== 0)
    return fail('NOT_SIGN1', 'unprotected header is not an empty map');
  if (!(payloadBytes instanceof Uint8Array))
    return fail('NOT_SIGN1', 'payload is not an attached byte string');
  if (!(signature instanceof Uint8Array)) return fail('NOT_SIGN1', 'signature is not a byte string');

  const header = decodeStrict(protectedBytes);
  if (!header.ok) return fail('CBOR', `protected header: ${header.detail}`);
  if (!(header.value instanceof Map)) return fail('HEADER', 'protected header is not a map');
  const map = header.value;
  if (map.has(HEADER_CRIT)) return fail('HEADER', 'critical header parameters are not supported');
  const alg = map.get(HEADER_ALG);
  const kid = map.get(HEADER_KID);
  const typ = map.get(HEADER_TYP);
  let kidText: string | null = null;
  if (kid !== undefined) {
    if (!(kid instanceof Uint8Array)) return fail('HEADER', 'kid is not a byte string');
    try {
      kidText = utf8.decode(kid);
    } catch {
      return fail('HEADER', 'kid is not UTF-8');
    }
  }
  if (alg !== undefined && typeof alg !== 'number') return fail('HEADER', 'alg is not an integer');
  if (typ !== undefined && typeof typ !== 'string') return fail('HEADER', 'typ is not text');
  return {
    ok: true,
    sign1: {
      protectedBytes,
      alg: typeof alg === 'number' ? alg : null,
      kid: kidText,
      typ: typeof typ === 'string' ? typ : null,
      payloadBytes,
      signature,
    },
  };
}

/** Builds the tagged COSE_Sign1 bytes; `sign` receives the Sig_structure. */
export function buildSign1(
  kid: string,
  typ: string,
  payloadBytes: Uint8Array,
  sign: (data: Uint8Array) => Uint8Array,
): Uint8Array {
  const protectedBytes = encodeCbor(
    new Map<number, unknown>([
      [HEADER_ALG, ALG_EDDSA],
      [HEADER_KID, new TextEncoder().encode(kid)],
      [HEADER_TYP, typ],
    ]),
  );
  const signature = sign(sigStructure(protectedBytes, payloadBytes));
  return encodeCbor(new Tag(COSE_SIGN1_TAG, [protectedBytes, new Map(), payloadBytes, signature]));
}
