// What the youth is told was billed (regulation: "tell the youth clearly what was billed"): partner,
// date, device sequence, item, price, the Atouts part, the remainder, the new balance, and the holder's
// initials only, since a receipt leaves the counter.
import { TillError, type Receipt } from '../../preload/contract';
import type { DebitState } from '../journal/journal';
import type { Person } from '../journal/persons';
import { contractStatus } from '../debit/outcome-view';

export interface ReceiptIssuer {
  partnerName: string;
  partnerSiret: string;
  deviceName: string;
}

/** "Léa Martin" → "L. M."; compound names keep each part's initial ("Jean-Luc" → "J.-L."). */
export function initialsOf(person: Pick<Person, 'givenName' | 'familyName'> | undefined): string {
  if (!person) return '';
  const initials = (name: string) =>
    name
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((word) =>
        word
          .split('-')
          .filter(Boolean)
          .map((part) => `${part.charAt(0).toLocaleUpperCase('fr-FR')}.`)
          .join('-'),
      )
      .join(' ');
  return [initials(person.givenName), initials(person.familyName)].filter(Boolean).join(' ');
}

export function buildReceipt(
  state: DebitState,
  issuer: ReceiptIssuer | null,
  holder: Person | undefined,
  cashierName: string | null = null,
): Receipt {
  if (!issuer) throw new TillError('NOT_ENROLLED');
  return {
    partnerName: issuer.partnerName,
    partnerSiret: issuer.partnerSiret,
    deviceName: issuer.deviceName,
    deviceSeq: state.requestSeq,
    debitId: state.debitId,
    occurredAt: state.occurredAt,
    category: state.category,
    item: state.item,
    ...(state.discipline ? { discipline: state.discipline } : {}),
    priceCents: state.priceCents,
    amountCents: state.amountCents,
    remainderCents: state.priceCents - state.amountCents,
    walletBalanceCents: state.walletBalanceCents,
    holderInitials: initialsOf(holder),
    holderFirstName: holder?.givenName ?? null,
    cashierName,
    status: contractStatus(state.status),
    mode: state.mode,
  };
}
