// avoir.*: credit notes for cancelled events (main/avoir/), the partner's own money, never Atouts.
import type { Handlers } from '../../transport/dispatch';
import { AvoirDesk } from '../../avoir/avoir-desk';
import type { TillContext } from '../context';

export function avoirHandlers(ctx: TillContext): Pick<Handlers, 'avoir.issue' | 'avoir.get' | 'avoir.redeem' | 'avoir.list'> {
  const desk = new AvoirDesk({ journal: ctx.journal, cashierId: () => ctx.cashierId() });
  return {
    'avoir.issue': (input) => desk.issue(input.debitIds),
    'avoir.get': (input) => desk.get(input.code),
    'avoir.redeem': (input) => desk.redeem(input.code, input.amountCents),
    'avoir.list': () => desk.all(),
  };
}
