// debit.* and receipt.get: the debit engine behind the contract.
import { TillError } from '../../../preload/contract';
import { DebitEngine } from '../../debit/engine';
import { buildReceipt } from '../../receipt/receipt';
import type { Outbox } from '../../outbox/outbox';
import type { RequestStore } from '../../outbox/request-store';
import type { Handlers } from '../../transport/dispatch';
import type { TillContext } from '../context';
import { voidAuthority } from '../void-authority';

type DebitCalls = 'debit.submit' | 'debit.get' | 'debit.abandon' | 'debit.void' | 'receipt.get';

export function debitHandlers(ctx: TillContext, sync: { outbox: Outbox; store: RequestStore }): Pick<Handlers, DebitCalls> {
  const engine = new DebitEngine({
    journal: ctx.journal,
    scans: ctx.scans,
    store: sync.store,
    outbox: sync.outbox,
    region: () => ctx.region(),
    accreditations: () => ctx.link.config()?.partner.accreditations ?? [],
    offline: () => {
      const keys = ctx.link.keys();
      return { policy: keys?.offline ?? null, keysFetchedAt: keys?.fetchedAt ?? null };
    },
    now: () => ctx.now(),
    ...(ctx.tuning.immediateRetryDelaysMs ? { immediateRetryDelaysMs: ctx.tuning.immediateRetryDelaysMs } : {}),
    onOutcome: (outcome) => {
      ctx.events.emit('debit', outcome);
      ctx.publishStatus();
    },
  });
  return {
    'debit.submit': (input) => engine.submit(input, ctx.cashierId()),
    'debit.get': (input) => engine.get(input.debitId),
    'debit.abandon': (input) => engine.abandon(input.debitId, ctx.cashierId()),
    'debit.void': (input) => {
      const { authorisedBy } = voidAuthority(ctx.session(), ctx.staff, input.override);
      return engine.voidDebit(input.debitId, input.reasonCode ?? 'OTHER', ctx.cashierId(), authorisedBy, input.reason);
    },
    'receipt.get': (input) => {
      const state = ctx.journal.debits.get(input.debitId);
      if (!state) throw new TillError('UNKNOWN_DEBIT', input.debitId);
      const config = ctx.link.config();
      const issuer = config && { partnerName: config.partner.name, partnerSiret: config.partner.siret, deviceName: config.deviceName };
      return buildReceipt(state, issuer, ctx.journal.persons.get(state.beneficiaryId));
    },
  };
}
