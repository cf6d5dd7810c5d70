// contest.letter: a paid month's contest letter (§4.3.2), drawn from a fresh reconciliation.
import { TillError } from '../../../preload/contract/errors';
import type { Handlers } from '../../transport/dispatch';
import { reconcileMonth } from '../../reconciliation/reconcile';
import { contestReminders, produceContestLetter } from '../../reconciliation/contest';
import type { RegionLink } from '../../region/region-link';
import { reconcileDeps, type ReconciliationHandlerDeps } from './reconciliation-handlers';

/** A fresh reconciliation, and the enrolment the letter is signed with. */
export type ContestHandlerDeps = ReconciliationHandlerDeps & { readonly link: Pick<RegionLink, 'config'> };

export function contestHandlers(
  ctx: ContestHandlerDeps,
): Pick<Handlers, 'contest.letter' | 'contest.reminders'> {
  return {
    'contest.reminders': () => contestReminders(ctx.journal, ctx.now()),
    'contest.letter': async (input) => {
      const config = ctx.link.config();
      if (!config) throw new TillError('NOT_ENROLLED');
      // Afresh: the letter must say what the Region's record says now, and the run itself is journalled.
      const view = await reconcileMonth(reconcileDeps(ctx), input.month, { onlyIfChanged: true });
      return produceContestLetter(
        {
          journal: ctx.journal,
          partner: config.partner,
          deviceName: config.deviceName,
          nowMs: ctx.now(),
          cashierId: ctx.cashierId(),
        },
        view,
      );
    },
  };
}
