// Debits on the wire (region-api.md, "Debits" and "Coupons"): what the till sends and reads, what the
// reference server accepts and answers, defined once for both sides (as protocol/anchors.ts is).
// Request bodies are checked strictly by the server, where they cross its trust boundary: shapes only, the
// business rules (amounts, items, categories) are the domain's, each with its own code. Answers are read by
// the till at its own boundary: fields it does not know are dropped, never refused (the API may grow).
import { z } from 'zod';
import { CATEGORIES, ITEMS } from './catalogue';

/** An ISO 8601 instant, with a zone (Z or an offset). */
export const Instant = z
  .string()
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
      !Number.isNaN(Date.parse(s)),
    {
      message: 'an ISO 8601 instant',
    },
  );
/** The idempotency key of a write: the till's UUID for it. */
export const RequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a UUID or similar id');
const text = (max: number) => z.string().min(1).max(max);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const cents = z.number().int();

/** `POST /v1/debits`. `deviceSeq` is the till's journal seq of the request; `mode` says whether the pass was read online. */
export const DebitBody = z.object({
  id: RequestId,
  deviceSeq: count,
  token: z.string().max(4096),
  category: text(32),
  item: text(32),
  sessions: z.number().int().min(0).max(1000).optional(),
  amountCents: z.number(),
  priceCents: z.number(),
  occurredAt: Instant,
  mode: z.enum(['online', 'offline']),
  cashierId: text(64),
});
export type DebitBody = z.input<typeof DebitBody>;

/** `POST /v1/debits/{id}/void`. */
export const VoidBody = z.object({
  id: RequestId,
  reason: z.string().max(200).default(''),
  occurredAt: Instant,
  cashierId: text(64),
});
export type VoidBody = z.input<typeof VoidBody>;

/** `POST /v1/coupons/{id}/redeem`: the coupon's whole amount, for an item at a price. */
export const CouponRedeemBody = z.object({
  id: RequestId,
  deviceSeq: count,
  item: text(32),
  sessions: z.number().int().min(0).max(1000).optional(),
  priceCents: z.number().int().min(0),
  occurredAt: Instant,
  cashierId: text(64),
});
export type CouponRedeemBody = z.input<typeof CouponRedeemBody>;

/** `201` answer to an accepted debit. */
export const DebitAccepted = z.object({
  id: z.string(),
  status: z.literal('accepted'),
  walletBalanceCents: cents,
  acceptedAt: z.string(),
});
export type DebitAccepted = z.infer<typeof DebitAccepted>;

/** Answer to an accepted void. */
export const VoidAnswer = z.object({
  debitId: z.string(),
  status: z.literal('voided'),
  walletBalanceCents: cents,
});
export type VoidAnswer = z.infer<typeof VoidAnswer>;

/** A debit as the Region records it (`GET /v1/debits`, a statement's lines). */
export const DebitView = z.object({
  id: z.string(),
  deviceId: z.string(),
  deviceSeq: z.number().int(),
  category: z.enum(CATEGORIES),
  item: z.enum(ITEMS),
  sessions: z.number().int().nullable().optional(),
  amountCents: cents,
  priceCents: cents,
  status: z.enum(['accepted', 'voided']),
  mode: z.enum(['online', 'offline']),
  occurredAt: z.string(),
  acceptedAt: z.string(),
  voidedAt: z.string().nullable().optional(),
  couponId: z.string().nullable().optional(),
});
export type DebitView = z.infer<typeof DebitView>;

/** `GET /v1/debits`: a page, and the cursor of the next one (none on the last). */
export const DebitPage = z.object({
  items: z.array(DebitView),
  nextCursor: z.string().nullable().optional(),
});
export type DebitPage = z.infer<typeof DebitPage>;

/** `GET /admin/ledger`: every debit of every partner, with whose it is. */
export const LedgerItem = DebitView.extend({ partnerId: z.string(), beneficiaryId: z.string() });
export type LedgerItem = z.infer<typeof LedgerItem>;
