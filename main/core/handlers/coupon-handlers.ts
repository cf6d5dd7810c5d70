// coupon.*: prepayment coupons, redeemed through the journal.
import { CouponDesk } from '../../coupon/coupon-desk';
import type { Outbox } from '../../outbox/outbox';
import type { Handlers } from '../../transport/dispatch';
import type { RegionLink } from '../../region/region-link';
import type { TillContext } from '../context';

export type CouponHandlerDeps = Pick<
  TillContext,
  'journal' | 'now' | 'cashierId' | 'region' | 'observe' | 'events' | 'publishStatus' | 'tuning'
> & { readonly link: Pick<RegionLink, 'config'> };

export function couponHandlers(
  ctx: CouponHandlerDeps,
  sync: { outbox: Outbox },
): Pick<Handlers, 'coupon.list' | 'coupon.resolve' | 'coupon.redeem'> {
  const desk = new CouponDesk({
    journal: ctx.journal,
    outbox: sync.outbox,
    region: () => ctx.region(),
    accreditations: () => ctx.link.config()?.partner.accreditations ?? [],
    now: () => ctx.now(),
    observe: (outcome) => ctx.observe(outcome),
    ...(ctx.tuning.immediateRetryDelaysMs
      ? { immediateRetryDelaysMs: ctx.tuning.immediateRetryDelaysMs }
      : {}),
    onOutcome: (outcome) => {
      ctx.events.emit('debit', outcome);
      ctx.publishStatus();
    },
  });
  return {
    'coupon.list': () => desk.list(),
    'coupon.resolve': (input) => desk.resolve(input.text),
    'coupon.redeem': (input) => desk.redeem(input, ctx.cashierId()),
  };
}
