import type { DebitOutcome } from '../../../../preload/contract';
import { isPaid } from '../../../../preload/contract/debit';

/** A coupon redeemed: the debit it made, and which coupon paid. */
export type Redeemed = DebitOutcome & { couponId: string };

/** Whether the coupon paid (at once, or offline to be confirmed): a receipt can be printed. */
export const couponPaid = (r: Redeemed): boolean => isPaid(r.status);
