// The till's local checks before anything is written, one named rule each, one code each
// (the way pass Culture's bookings/validation.py reads). The UI owns the French sentence per code.
// Pure functions: the engine gathers the facts, the rules judge them.
import { isItemEligible, walletOf, type Category } from '../../protocol/catalogue';
import { isInSeason } from '../../protocol/paris-time';
import type { ErrorCode } from '../../preload/contract';

export interface Refusal {
  code: ErrorCode;
  params?: Record<string, string | number>;
}

export interface DebitFacts {
  accreditations: readonly Category[];
  category: Category;
  item: string;
  sessions?: number | undefined;
  priceCents: number;
  amountCents: number;
  /** The balance the till knows for the category's wallet (live online, snapshot minus local debits offline). */
  balanceCents: number;
  membership: 'active' | 'inactive';
  season: number;
  nowMs: number;
  /** The token's validity window (exp + skew allowance). */
  tokenExpMs: number;
  tokenUsedHere: boolean;
}

/** Clock skew the contract allows around a token's validity (pass-tokens.md). */
export const TOKEN_SKEW_MS = 120_000;

export const checkAccreditation = (f: DebitFacts): Refusal | null =>
  f.accreditations.includes(f.category) ? null : { code: 'NOT_ACCREDITED', params: { category: f.category } };

export const checkItemEligible = (f: DebitFacts): Refusal | null =>
  isItemEligible(f.category, f.item, f.sessions)
    ? null
    : { code: 'ITEM_NOT_ELIGIBLE', params: { item: f.item } };

export const checkAmount = (f: DebitFacts): Refusal | null =>
  f.amountCents > 0 && f.amountCents <= f.priceCents ? null : { code: 'AMOUNT_INVALID' };

export const checkMembership = (f: DebitFacts): Refusal | null =>
  f.membership === 'active' ? null : { code: 'MEMBERSHIP_INACTIVE' };

export const checkSeason = (f: DebitFacts): Refusal | null =>
  isInSeason(f.nowMs, f.season) ? null : { code: 'SEASON_CLOSED', params: { season: f.season } };

export const checkTokenFresh = (f: DebitFacts): Refusal | null =>
  f.nowMs <= f.tokenExpMs + TOKEN_SKEW_MS ? null : { code: 'TOKEN_EXPIRED' };

export const checkTokenUnused = (f: DebitFacts): Refusal | null =>
  f.tokenUsedHere ? { code: 'TOKEN_USED' } : null;

export const checkBalance = (f: DebitFacts): Refusal | null =>
  f.amountCents <= f.balanceCents
    ? null
    : {
        code: 'INSUFFICIENT_BALANCE',
        params: { balanceCents: f.balanceCents, wallet: walletOf(f.category) },
      };

/** In the order a cashier should hear them: what the partner may do, then what this sale is, then the pass. */
export const DEBIT_RULES = [
  checkAccreditation,
  checkItemEligible,
  checkAmount,
  checkMembership,
  checkSeason,
  checkTokenFresh,
  checkTokenUnused,
  checkBalance,
] as const;

export function firstRefusal(facts: DebitFacts): Refusal | null {
  for (const rule of DEBIT_RULES) {
    const refusal = rule(facts);
    if (refusal) return refusal;
  }
  return null;
}
