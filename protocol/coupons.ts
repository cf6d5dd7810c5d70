// Prepayment coupons on the wire (region-api.md, "Prepayment coupons"): what the reference server answers
// and the till reads, defined once for both sides. (The redemption's body is CouponRedeemBody, with the
// other debit-shaped writes in protocol/debits.ts.)
import { z } from 'zod';
import { Youth } from './passes';

export const COUPON_STATUSES = ['reserved', 'redeemed', 'cancelled', 'expired'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

/** A coupon as the Region shows it to the partner it is reserved to. */
export const Coupon = z.object({
  id: z.string(),
  code: z.string(),
  category: z.enum(['SPORT', 'ARTISTIC']),
  amountCents: z.number().int(),
  status: z.enum(COUPON_STATUSES),
  /** The birth date is not published for every coupon: the till does without. */
  beneficiary: Youth.extend({ birthDate: z.string().optional() }),
  expiresAt: z.string(),
});
export type Coupon = z.infer<typeof Coupon>;

/** `GET /v1/coupons?status=…`. */
export const CouponList = z.object({ items: z.array(Coupon) });
/** `POST /v1/coupons/resolve`: by its short code or its QR token. */
export const CouponResolveBody = z.union([
  z.object({ code: z.string().max(64) }),
  z.object({ token: z.string().max(4096) }),
]);
export const CouponResolved = z.object({ coupon: Coupon });
/** `201` answer to a redemption: the coupon's whole amount, debited as `debitId`. */
export const CouponRedeemed = z.object({
  couponId: z.string(),
  debitId: z.string(),
  status: z.literal('redeemed'),
  amountCents: z.number().int(),
});
export type CouponRedeemed = z.infer<typeof CouponRedeemed>;
