import { useState } from 'react';
import { centsToInput, parseEuros } from '../format/money';

export interface AtoutsPart {
  /** What the amount field shows: the cashier's own text, or the till's proposal. */
  text: string;
  cents: number | null;
  /** The cashier types their own part. */
  type(text: string): void;
  /** Back to the till's proposal (a tariff was just picked). */
  propose(): void;
}

/**
 * The Atouts part of a sale: the till proposes the largest the wallet allows, up to the price, until the
 * cashier types their own. Derived at each render, so an Enter pressed right after the tariff key already sees it.
 */
export function useAtoutsPart(priceCents: number | null, balanceCents: number): AtoutsPart {
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? (priceCents !== null ? centsToInput(Math.min(priceCents, balanceCents)) : '');
  return { text, cents: parseEuros(text), type: setTyped, propose: () => setTyped(null) };
}
