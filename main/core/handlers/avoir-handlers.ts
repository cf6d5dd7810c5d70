// avoir.*: credit notes for cancelled events (main/avoir/), the partner's own money, never Atouts.
import type { Handlers } from '../../transport/dispatch';
import { AvoirDesk } from '../../avoir/avoir-desk';
import type { TillContext } from '../context';
import { avoirsCsv } from '../../export/avoir-ledger';
import { parisDayBounds } from '../../../protocol/paris-time';

export type AvoirHandlerDeps = Pick<TillContext, 'journal' | 'cashierId'>;

export function avoirHandlers(
  ctx: AvoirHandlerDeps,
): Pick<Handlers, 'avoir.issue' | 'avoir.get' | 'avoir.redeem' | 'avoir.list' | 'avoir.export'> {
  const desk = new AvoirDesk({ journal: ctx.journal, cashierId: () => ctx.cashierId() });
  return {
    'avoir.issue': (input) => desk.issue(input.debitIds),
    'avoir.get': (input) => desk.get(input.code),
    'avoir.redeem': (input) => desk.redeem(input.code, input.amountCents),
    'avoir.list': () => desk.all(),
    'avoir.export': (input) => {
      const range = {
        fromAt: new Date(parisDayBounds(input.fromDay).start).toISOString(),
        toAt: new Date(parisDayBounds(input.toDay).end).toISOString(),
      };
      return {
        name: `atouts-avoirs-${input.fromDay}_${input.toDay}.csv`,
        text: avoirsCsv(ctx.journal, range),
      };
    },
  };
}
