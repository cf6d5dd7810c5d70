// What the split line says while the cashier types: the Atouts part and the rest, or why the part cannot be
// taken — before Enter, with the maximum named, so a refusal never comes as a surprise.
import type { TillErrorValue } from '../../../preload/contract';

export interface SaleFigures {
  priceCents: number | null;
  amountCents: number | null;
  balanceCents: number;
}

export interface SaleCheck {
  split: { atoutsCents: number; restCents: number } | null;
  /** The refusal Valider would meet, as the core words it (same codes, same params). */
  problem: TillErrorValue | null;
}

export function saleCheck({ priceCents, amountCents, balanceCents }: SaleFigures): SaleCheck {
  if (priceCents === null || amountCents === null) return { split: null, problem: null };
  if (amountCents > balanceCents)
    return { split: null, problem: { code: 'INSUFFICIENT_BALANCE', params: { balanceCents } } };
  if (amountCents <= 0 || amountCents > priceCents)
    return { split: null, problem: { code: 'AMOUNT_INVALID' } };
  return { split: { atoutsCents: amountCents, restCents: priceCents - amountCents }, problem: null };
}
