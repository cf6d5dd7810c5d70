// Calls of the contract whose core side is being built (coupons, bons plans, journal views, closures,
// reconciliation, settings). Each answers UNKNOWN_CALL until its module replaces it here.
import { TillError } from '../../../preload/contract';
import type { Handlers } from '../../transport/dispatch';

type Pending =
  | 'coupon.list'
  | 'coupon.resolve'
  | 'coupon.redeem'
  | 'offer.list'
  | 'offer.participants'
  | 'offer.checkin'
  | 'journal.list'
  | 'journal.entry'
  | 'journal.verify'
  | 'closure.closeDay'
  | 'closure.closeMonth'
  | 'closure.list';

export function pendingHandlers(): Pick<Handlers, Pending> {
  const notYet = (): never => {
    throw new TillError('UNKNOWN_CALL', 'not implemented yet');
  };
  return {
    'coupon.list': notYet,
    'coupon.resolve': notYet,
    'coupon.redeem': notYet,
    'offer.list': notYet,
    'offer.participants': notYet,
    'offer.checkin': notYet,
    'journal.list': notYet,
    'journal.entry': notYet,
    'journal.verify': notYet,
    'closure.closeDay': notYet,
    'closure.closeMonth': notYet,
    'closure.list': notYet,
  };
}
