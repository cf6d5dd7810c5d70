// Journal anchors and archive-signing keys on the wire (region-api.md, "Journal anchors"): the shapes the
// till sends and reads, and the reference server accepts and answers, defined once for both sides.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** A journal chain hash: SHA-256, lower-case hex. */
export const ChainHash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 chain hash in lower-case hex');
const Instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'an ISO 8601 UTC instant',
  });
const Seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ANCHOR_KINDS = ['sync', 'closure', 'restore'] as const;
export type AnchorKind = (typeof ANCHOR_KINDS)[number];

/** The totals a closure sealed, as the till's closure entry states them. */
export const ClosureSummary = z
  .object({
    /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month. */
    period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    kind: z.enum(['day', 'month']),
    count: z.number().int().min(0),
    totalCents: z.number().int(),
    grandTotalCents: z.number().int(),
  })
  .strict()
  .refine((c) => (c.kind === 'day' ? c.period.length === 10 : c.period.length === 7), {
    message: 'a day period is YYYY-MM-DD, a month period YYYY-MM',
  });
export type ClosureSummary = z.infer<typeof ClosureSummary>;

/**
 * `POST /v1/devices/anchors`. `seq`/`hash` are the chain head at `at` (the till's clock); a `closure`
 * anchor carries what the closure sealed; a `restore` anchor names the head of the restored journal.
 */
export const AnchorRequest = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    seq: Seq,
    hash: ChainHash,
    at: Instant,
    kind: z.enum(ANCHOR_KINDS),
    closure: ClosureSummary.optional(),
  })
  .refine((a) => (a.kind === 'closure') === (a.closure !== undefined), {
    message: 'closure is given exactly when kind is "closure"',
    path: ['closure'],
  });
export type AnchorRequest = z.infer<typeof AnchorRequest>;

/** `201` answer to an accepted anchor. */
export const AnchorReceipt = z.object({ seq: Seq, hash: ChainHash, receivedAt: Instant });
export type AnchorReceipt = z.infer<typeof AnchorReceipt>;

/**
 * Why an anchor was refused: it names the anchor it contradicts. `HASH_MISMATCH`: that seq was anchored
 * with another hash. `SEQ_WENT_DOWN`: the head went below one already anchored, without a declared restore.
 * `CLOSURE_CHANGED`: that period's closure was anchored before with other totals (a sealed period never changes).
 */
export const AnchorConflict = z.object({
  reason: z.enum(['HASH_MISMATCH', 'SEQ_WENT_DOWN', 'CLOSURE_CHANGED']),
  anchoredSeq: Seq,
  anchoredHash: ChainHash,
  anchoredAt: Instant,
});
export type AnchorConflict = z.infer<typeof AnchorConflict>;

/** The `409 ANCHOR_CONFLICT` problem carries the contradiction as an extension member. */
export const AnchorConflictProblem = z.object({
  code: z.literal('ANCHOR_CONFLICT'),
  status: z.literal(409),
  conflict: AnchorConflict,
});

/** Anchors a restore declared lost: the till's journal no longer holds `fromSeq`..`toSeq` as anchored. */
export const AnchorGap = z.object({ fromSeq: Seq, toSeq: Seq });
export type AnchorGap = z.infer<typeof AnchorGap>;

/** One anchor as the Region keeps it (`GET /v1/devices/anchors`, and the auditor's view). */
export const AnchorItem = z.object({
  id: z.string(),
  seq: Seq,
  hash: ChainHash,
  at: Instant,
  kind: z.enum(ANCHOR_KINDS),
  receivedAt: Instant,
  closure: ClosureSummary.optional(),
  /** Present when the Region refused the anchor (kept, marked). */
  conflict: AnchorConflict.optional(),
  /** On a restore anchor: the anchored range it declared lost, when there was one. */
  gap: AnchorGap.optional(),
  /** True when a later restore declared this anchor's part of the chain lost: it no longer binds. */
  superseded: z.boolean().optional(),
});
export type AnchorItem = z.infer<typeof AnchorItem>;

/** `GET /v1/devices/anchors?fromSeq=&limit=`: ordered by seq, then arrival; `nextSeq` null on the last page. */
export const AnchorPage = z.object({ items: z.array(AnchorItem), nextSeq: Seq.nullable() });
export type AnchorPage = z.infer<typeof AnchorPage>;

/** An Ed25519 public key as a JWK (RFC 8037). Strict: a private member (`d`) is refused, never stored. */
export const Ed25519PublicJwk = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url'),
    kid: z.string().min(1).max(100).optional(),
    use: z.literal('sig').optional(),
    alg: z.literal('EdDSA').optional(),
  })
  .strict();
export type Ed25519PublicJwk = z.infer<typeof Ed25519PublicJwk>;

/** `PUT /v1/devices/archive-key` body. */
export const ArchiveKeyPut = z.object({ jwk: Ed25519PublicJwk }).strict();

/**
 * One archive key of a device and when it was the device's key: an archive signed at T verifies with
 * the key whose `validFrom <= T < validUntil` (`validUntil` null: still current). `thumbprint` is the
 * RFC 7638 JWK thumbprint (SHA-256, base64url).
 */
export const ArchiveKeyRecord = z.object({
  thumbprint: z.string(),
  jwk: Ed25519PublicJwk,
  validFrom: Instant,
  validUntil: Instant.nullable(),
});
export type ArchiveKeyRecord = z.infer<typeof ArchiveKeyRecord>;

/** `GET` and `PUT /v1/devices/archive-key`: the current key (null before one is registered) and every key, oldest first. */
export const ArchiveKeyState = z.object({
  current: ArchiveKeyRecord.nullable(),
  keys: z.array(ArchiveKeyRecord),
});
export type ArchiveKeyState = z.infer<typeof ArchiveKeyState>;

/** RFC 7638 thumbprint of an Ed25519 public JWK: SHA-256 over its required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: Ed25519PublicJwk): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
    .digest('base64url');
}

/**
 * The key the Region lists as the device's archive key at `atIso` (validFrom <= at < validUntil), or null:
 * what `archive verify` may trust for an archive signed at that moment, and nothing else.
 */
export function archiveKeyValidAt(keys: readonly ArchiveKeyRecord[], atIso: string): ArchiveKeyRecord | null {
  const at = Date.parse(atIso);
  return (
    keys.find(
      (k) => Date.parse(k.validFrom) <= at && (k.validUntil === null || at < Date.parse(k.validUntil)),
    ) ?? null
  );
}
