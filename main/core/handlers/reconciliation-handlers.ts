// statement.list and reconcile.run: the partner's monthly statements and the reconciliation of a month
// with the Region's record (main/reconciliation).
import type { Handlers } from '../../transport/dispatch';
import { reconcileMonth, type ReconcileDeps } from '../../reconciliation/reconcile';
import { statementViews } from '../../reconciliation/statements-view';
import type { TillContext } from '../context';
import { regionError } from './till-handlers';

export type ReconciliationHandlerDeps = Pick<
  TillContext,
  'journal' | 'now' | 'cashierId' | 'region' | 'observe'
>;

export function reconciliationHandlers(
  ctx: ReconciliationHandlerDeps,
): Pick<Handlers, 'statement.list' | 'reconcile.run'> {
  return {
    'statement.list': async () => {
      const outcome = ctx.observe(await ctx.region().statements());
      if (outcome.kind !== 'ok') throw regionError(outcome);
      return statementViews(ctx.journal, outcome.value, ctx.now());
    },
    'reconcile.run': async (input) => reconcileMonth(reconcileDeps(ctx), input.month),
  };
}

/** The journal and the Region's record as reconciliation reads them, each answer noted for the online state. */
export function reconcileDeps(ctx: ReconciliationHandlerDeps): ReconcileDeps {
  const region = ctx.region();
  const source = {
    listDebits: async (q: Parameters<typeof region.listDebits>[0]) => ctx.observe(await region.listDebits(q)),
    statements: async () => ctx.observe(await region.statements()),
  };
  return { journal: ctx.journal, source, now: () => ctx.now(), cashierId: ctx.cashierId() };
}
