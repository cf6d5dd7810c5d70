// Prepayment coupons (SPORT and ARTISTIC partners): reserved to this partner, scanned or typed, redeemed
// in full; the youth pays the rest.
import { z } from 'zod';
import type { Category } from '../../protocol/catalogue';
import type { DebitOutcome } from './debit';
import { call } from './define';
import { centsSchema, disciplineSchema, emptyInput, itemSchema, scanTextSchema } from './schemas';

export interface CouponView {
  id: string;
  code: string;
  category: Extract<Category, 'SPORT' | 'ARTISTIC'>;
  amountCents: number;
  status: 'reserved' | 'redeemed' | 'cancelled' | 'expired';
  beneficiary: { id: string; givenName: string; familyName: string; birthDate?: string };
  expiresAt: string;
}

export const couponCalls = {
  'coupon.list': call<CouponView[]>()(emptyInput, 'cashier'),
  /** `text`: an ATC1 token from a scanner, or a short code typed in any case, hyphens optional. */
  'coupon.resolve': call<CouponView>()(z.object({ text: scanTextSchema.min(1) }).strict(), 'cashier'),
  'coupon.redeem': call<DebitOutcome & { couponId: string }>()(
    z
      .object({
        couponId: z.string().min(1).max(64),
        item: itemSchema,
        sessions: z.number().int().min(1).max(1000).optional(),
        discipline: disciplineSchema.optional(),
        priceCents: centsSchema,
      })
      .strict(),
    'cashier',
  ),
};
