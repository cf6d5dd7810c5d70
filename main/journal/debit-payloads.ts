// The payloads the debit engine writes, checked before they enter the chain (and again when the
// projection is rebuilt from a file, which may have been tampered with).
import { z } from 'zod';
import { ART_DISCIPLINES, CATEGORIES, ITEMS } from '../../protocol/catalogue';
import { TillError } from '../../preload/contract/errors';
import type { EntryKind } from './entry-kinds';
import type { JsonObject } from './json-value';

const id = z.string().min(1).max(128);
const cents = z.number().int().min(0).max(100_000_000);
/** A wallet balance as the Region reports it: an offline debit honoured past the live balance may leave it below zero. */
const balance = z.number().int().min(-100_000_000).max(100_000_000);
const iso = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'an ISO date-time');
const code = z.string().min(1).max(64);

/** What was sold, the same in a debit and in a coupon's redemption. */
const sale = {
  category: z.enum(CATEGORIES),
  item: z.enum(ITEMS),
  sessions: z.number().int().min(1).max(1000).optional(),
  /** A cycle's artistic discipline (since issue 17; older cycles have none). */
  discipline: z.enum(ART_DISCIPLINES).optional(),
  priceCents: cents,
  amountCents: cents,
};

export const debitRequestedSchema = z.object({
  debitId: id,
  ...sale,
  mode: z.enum(['online', 'offline']),
  jti: id,
  beneficiaryId: id,
  occurredAt: iso,
  tokenExp: z.number().int(),
});
export const debitAcceptedSchema = z.object({ debitId: id, walletBalanceCents: balance, acceptedAt: iso });
export const debitOfflineAcceptedSchema = z.object({ debitId: id });
export const debitRefusedSchema = z.object({ debitId: id, code, detail: z.string().max(1000).optional() });
export const debitUnknownSchema = z.object({ debitId: id, detail: z.string().max(1000) });
/** `authorisedBy`: the manager whose PIN authorised a void made on a cashier's session. */
export const voidRequestedSchema = z.object({
  debitId: id,
  voidId: id,
  reason: z.string().max(500),
  authorisedBy: id.optional(),
});
export const debitVoidedSchema = z.object({ debitId: id, voidId: id, walletBalanceCents: balance });
export const voidRefusedSchema = z.object({ debitId: id, voidId: id, code });
export const couponRedeemRequestedSchema = z.object({
  debitId: id,
  couponId: id,
  ...sale,
  beneficiaryId: id,
  occurredAt: iso,
});
export const couponRedeemedSchema = z.object({ debitId: id, amountCents: cents });
export const couponRefusedSchema = z.object({ debitId: id, code });

// Counts may be negative since format 2: a period can carry a correction (a void of an earlier, sealed day).
const totals = z.record(z.string(), z.object({ count: z.number().int(), amountCents: z.number().int() }));
/** A signed line carried into a closure: a change recorded after its own period was sealed. */
export const closureLineSchema = z.object({
  seq: z.number().int().min(1),
  debitId: id,
  period: z.string(),
  category: z.enum(CATEGORIES),
  count: z.number().int(),
  amountCents: z.number().int(),
});
export type ClosureLine = z.infer<typeof closureLineSchema>;
export const closureSchema = z.object({
  /** Absent in closures made before format 2 (computed from the projection, corrections not carried). */
  format: z.literal(2).optional(),
  period: z.string(),
  totals,
  count: z.number().int(),
  periodTotalCents: z.number().int(),
  grandTotalCents: z.number().int(),
  firstSeq: z.number().int().min(1),
  lastSeq: z.number().int().min(0),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
  corrections: z.array(closureLineSchema).max(100_000).optional(),
});
export type ClosurePayload = z.infer<typeof closureSchema>;

/** The schema of each kind the projections read; other kinds are free-form. */
export const PROJECTED_PAYLOADS = {
  DEBIT_REQUESTED: debitRequestedSchema,
  DEBIT_ACCEPTED: debitAcceptedSchema,
  DEBIT_OFFLINE_ACCEPTED: debitOfflineAcceptedSchema,
  DEBIT_REFUSED: debitRefusedSchema,
  DEBIT_UNKNOWN: debitUnknownSchema,
  VOID_REQUESTED: voidRequestedSchema,
  DEBIT_VOIDED: debitVoidedSchema,
  VOID_REFUSED: voidRefusedSchema,
  COUPON_REDEEM_REQUESTED: couponRedeemRequestedSchema,
  COUPON_REDEEMED: couponRedeemedSchema,
  COUPON_REFUSED: couponRefusedSchema,
  DAY_CLOSED: closureSchema,
  MONTH_CLOSED: closureSchema,
} as const satisfies Partial<Record<EntryKind, z.ZodType>>;

export type ProjectedKind = keyof typeof PROJECTED_PAYLOADS;

export function isProjectedKind(kind: EntryKind): kind is ProjectedKind {
  return Object.hasOwn(PROJECTED_PAYLOADS, kind);
}

export type ProjectedPayload<K extends ProjectedKind> = z.infer<(typeof PROJECTED_PAYLOADS)[K]>;

/** Checks a projected kind's payload; `onInvalid` names the error (input refused, or a broken file). */
export function parseProjectedPayload<K extends ProjectedKind>(
  kind: K,
  payload: JsonObject,
  onInvalid: 'INPUT_INVALID' | 'JOURNAL_BROKEN',
): ProjectedPayload<K> {
  const parsed = PROJECTED_PAYLOADS[kind].safeParse(payload);
  if (!parsed.success)
    throw new TillError(
      onInvalid,
      `${kind} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  return parsed.data as ProjectedPayload<K>;
}
