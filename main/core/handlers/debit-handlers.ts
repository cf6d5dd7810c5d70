// debit.*: the debit engine behind the contract.
import { TillError } from '../../../preload/contract';
import { DebitEngine } from '../../debit/engine';
import type { Handlers } from '../../transport/dispatch';
import type { TillContext } from '../context';

type DebitCalls = 'debit.submit' | 'debit.get' | 'debit.abandon' | 'debit.void' | 'receipt.get';

export function debitHandlers(ctx: TillContext): Pick<Handlers, DebitCalls> {
  const engine = new DebitEngine({
    journal: ctx.journal,
    scans: ctx.scans,
    region: () => ctx.region(),
    accreditations: () => ctx.link.config()?.partner.accreditations ?? [],
    now: () => ctx.now(),
    ...(ctx.tuning.immediateRetryDelaysMs ? { immediateRetryDelaysMs: ctx.tuning.immediateRetryDelaysMs } : {}),
    onOutcome: (outcome) => {
      ctx.events.emit('debit', outcome);
      ctx.publishStatus();
    },
  });
  const notYet = (): never => {
    throw new TillError('UNKNOWN_CALL', 'not implemented yet');
  };
  return {
    'debit.submit': (input) => engine.submit(input, ctx.cashierId()),
    'debit.get': notYet,
    'debit.abandon': notYet,
    'debit.void': notYet,
    'receipt.get': notYet,
  };
}
