// What a scan means during an outing: a pass to pay, or the reason it joins the "à régler autrement" list
// (the run goes on either way).
import { walletOf } from '../../../../protocol/catalogue';
import type { CallResult, ErrorCode, OutingView, PassCard, ScanOutcome } from '../../../../preload/contract';

export type OutingScan = { card: PassCard } | { refusal: ErrorCode };

export function outingScan(result: CallResult<ScanOutcome>): OutingScan {
  if (!result.ok) return { refusal: result.error.code };
  if (result.value.kind === 'pass') return { card: result.value.card };
  // A prepayment coupon is no pass: at an outing it is read as a code that is not a pass.
  return { refusal: result.value.kind === 'refused' ? result.value.code : 'TOKEN_INVALID' };
}

/** The Atouts part proposed for a pass: as much as its wallet allows, up to the outing's price. */
export function proposedPartCents(card: PassCard, outing: OutingView): number {
  const balance = card.wallets.find((w) => w.wallet === walletOf(outing.category))?.balanceCents ?? 0;
  return Math.max(0, Math.min(balance, outing.priceCents));
}
