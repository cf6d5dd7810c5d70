// debit.* and receipt.get: the debit engine behind the contract.
import { TillError } from '../../../preload/contract';
import type { DebitEngine } from '../../debit/engine';
import { buildReceipt } from '../../receipt/receipt';
import type { Handlers } from '../../transport/dispatch';
import type { RegionLink } from '../../region/region-link';
import type { StaffDirectory } from '../../staff/staff-directory';
import type { TillContext } from '../context';
import { voidAuthority } from '../void-authority';

type DebitCalls = 'debit.submit' | 'debit.get' | 'debit.abandon' | 'debit.void' | 'receipt.get';

/** Who is at the till (voids need a manager), and what a receipt names: the partner, the cashier. */
export type DebitHandlerDeps = Pick<TillContext, 'journal' | 'cashierId' | 'session'> & {
  readonly link: Pick<RegionLink, 'config'>;
  readonly staff: Pick<StaffDirectory, 'authenticate' | 'views'>;
};

/** The engine is the till's one DebitEngine, built in createTill (main/core/till.ts). */
export function debitHandlers(ctx: DebitHandlerDeps, engine: DebitEngine): Pick<Handlers, DebitCalls> {
  return {
    'debit.submit': (input) => engine.submit(input, ctx.cashierId()),
    'debit.get': (input) => engine.get(input.debitId),
    'debit.abandon': (input) => engine.abandon(input.debitId, ctx.cashierId()),
    'debit.void': (input) => {
      const { authorisedBy } = voidAuthority(ctx.session(), ctx.staff, input.override);
      return engine.voidDebit(
        input.debitId,
        input.reasonCode ?? 'OTHER',
        ctx.cashierId(),
        authorisedBy,
        input.reason,
      );
    },
    'receipt.get': (input) => {
      const state = ctx.journal.debits.get(input.debitId);
      if (!state) throw new TillError('UNKNOWN_DEBIT', input.debitId);
      const config = ctx.link.config();
      const issuer = config && {
        partnerName: config.partner.name,
        partnerSiret: config.partner.siret,
        deviceName: config.deviceName,
      };
      const cashierName = ctx.staff.views().find((s) => s.id === state.cashierId)?.name ?? null;
      return buildReceipt(state, issuer, ctx.journal.persons.get(state.beneficiaryId), cashierName);
    },
  };
}
