// offer.*: bons plans, check-ins through the journal.
import { OfferDesk } from '../../offer/offer-desk';
import type { Outbox } from '../../outbox/outbox';
import type { RequestStore } from '../../outbox/request-store';
import type { Handlers } from '../../transport/dispatch';
import type { TillContext } from '../context';

export type OfferHandlerDeps = Pick<TillContext, 'journal' | 'now' | 'cashierId' | 'region' | 'observe'>;

export function offerHandlers(
  ctx: OfferHandlerDeps,
  sync: { outbox: Outbox; store: RequestStore },
): Pick<Handlers, 'offer.list' | 'offer.participants' | 'offer.checkin'> {
  const desk = new OfferDesk({
    journal: ctx.journal,
    store: sync.store,
    outbox: sync.outbox,
    region: () => ctx.region(),
    now: () => ctx.now(),
    observe: (outcome) => ctx.observe(outcome),
  });
  return {
    'offer.list': () => desk.list(),
    'offer.participants': (input) => desk.participants(input.offerId),
    'offer.checkin': (input) => desk.checkin(input.offerId, input.text, ctx.cashierId()),
  };
}
