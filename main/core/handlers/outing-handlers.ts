// outing.*: group outings (main/outing/), each pass a debit through the counter's own debit.submit.
import type { DebitOutcome, DebitRequest } from '../../../preload/contract';
import type { Handlers } from '../../transport/dispatch';
import { OutingDesk } from '../../outing/outing-desk';
import type { ScanRegistry } from '../../pass/scan-registry';
import type { TillContext } from '../context';

type OutingCalls = 'outing.open' | 'outing.current' | 'outing.pass' | 'outing.otherwise' | 'outing.close';

/** The scans name each pass's holder; the debits themselves go through `submit`. */
export type OutingHandlerDeps = Pick<TillContext, 'journal' | 'cashierId'> & {
  readonly scans: Pick<ScanRegistry, 'get'>;
};

export function outingHandlers(
  ctx: OutingHandlerDeps,
  submit: (request: DebitRequest) => Promise<DebitOutcome>,
): Pick<Handlers, OutingCalls> {
  const desk = new OutingDesk({
    journal: ctx.journal,
    submit,
    beneficiaryOf: (scanId) => ctx.scans.get(scanId)?.beneficiaryId,
    cashierId: () => ctx.cashierId(),
  });
  return {
    'outing.open': (input) => desk.open(input),
    'outing.current': () => desk.current(),
    'outing.pass': (input) => desk.pass(input.outingId, input.scanId, input.amountCents),
    'outing.otherwise': (input) => desk.otherwise(input.outingId, input.code, input.name),
    'outing.close': (input) => desk.close(input.outingId),
  };
}
