// The holder's card as the cashier sees it: who (for the ID check), and only the wallets this partner
// may debit.
import { CATEGORIES, walletOf, WALLETS, type Category, type Wallet } from '../../protocol/catalogue';
import { parisDay } from '../../protocol/paris-time';
import type { PassCard, WalletView } from '../../preload/contract';

export function ageOn(birthDate: string, instantMs: number): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = parisDay(instantMs).split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function debitableWallets(
  accreditations: readonly Category[],
  balances: Record<Wallet, number>,
): WalletView[] {
  return WALLETS.flatMap((wallet) => {
    const categories = CATEGORIES.filter((c) => accreditations.includes(c) && walletOf(c) === wallet);
    return categories.length > 0 ? [{ wallet, balanceCents: balances[wallet], categories }] : [];
  });
}

export interface CardFacts {
  scanId: string;
  beneficiary: { id: string; givenName: string; familyName: string; birthDate: string };
  season: number;
  membership: 'active' | 'inactive';
  balances: Record<Wallet, number>;
  expMs: number;
  source: 'online' | 'offline';
}

export function buildPassCard(
  facts: CardFacts,
  accreditations: readonly Category[],
  nowMs: number,
): PassCard {
  return {
    scanId: facts.scanId,
    beneficiary: { ...facts.beneficiary, age: ageOn(facts.beneficiary.birthDate, nowMs) },
    season: facts.season,
    membership: facts.membership,
    wallets: debitableWallets(accreditations, facts.balances),
    tokenExpiresAt: new Date(facts.expMs).toISOString(),
    source: facts.source,
  };
}
