// The debit rules of region-api.md, one named check per rule and one code per refusal, in the order
// the contract lists them. Pure: each takes facts and answers a Problem or null.
import { isCategory, isItemEligible, MIN_CYCLE_SESSIONS } from '../../protocol/catalogue';
import type { Category } from '../../protocol/catalogue';
import { isInSeason } from '../../protocol/paris-time';
import type { TokenResult } from '../../protocol/pass-token';
import type { Beneficiary } from './beneficiaries';
import type { Partner } from './partners';
import type { Problem } from './problem';
import type { OfflinePolicy } from './settings';

/** An online debit's `occurredAt` may differ from the server's clock by this much. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const problem = (code: Problem['code'], detail: string, status = 422): Problem => ({ status, code, detail });

export function checkAccreditation(partner: Partner, category: string): Problem | null {
  if (!isCategory(category) || !partner.accreditations.includes(category)) {
    return problem('NOT_ACCREDITED', `partner ${partner.id} is not accredited for ${category}`);
  }
  return null;
}

export function checkItemEligible(
  category: Category,
  item: string,
  sessions: number | undefined,
): Problem | null {
  if (isItemEligible(category, item, sessions)) return null;
  const why =
    item === 'CYCLE'
      ? `a cycle needs at least ${MIN_CYCLE_SESSIONS} sessions`
      : `${item} is not paid from ${category}`;
  return problem('ITEM_NOT_ELIGIBLE', why);
}

export function checkAmount(amountCents: number, priceCents: number): Problem | null {
  if (!Number.isSafeInteger(amountCents) || !Number.isSafeInteger(priceCents))
    return problem('AMOUNT_INVALID', 'amounts are integer cents');
  if (amountCents <= 0) return problem('AMOUNT_INVALID', 'amount must be positive');
  if (amountCents > priceCents) return problem('AMOUNT_INVALID', 'amount above the price');
  return null;
}

export function checkToken(result: TokenResult): Problem | null {
  if (result.ok)
    return result.token.kind === 'pass'
      ? null
      : problem('TOKEN_INVALID', 'a coupon token cannot pay a debit');
  return problem(result.code, result.reason);
}

export function checkClockSkew(occurredMs: number, nowMs: number): Problem | null {
  return Math.abs(nowMs - occurredMs) > MAX_CLOCK_SKEW_MS
    ? problem('CLOCK_SKEW', 'occurredAt more than 5 minutes from the server clock')
    : null;
}

export function checkOfflineAge(occurredMs: number, nowMs: number, policy: OfflinePolicy): Problem | null {
  if (occurredMs - nowMs > MAX_CLOCK_SKEW_MS)
    return problem('CLOCK_SKEW', 'offline occurredAt in the future');
  if (nowMs - occurredMs > policy.maxOfflineHours * 3_600_000)
    return problem('OFFLINE_TOO_LATE', `sent more than ${policy.maxOfflineHours} h after it occurred`);
  return null;
}

export function checkOfflineLimit(amountCents: number, policy: OfflinePolicy): Problem | null {
  if (!policy.enabled) return problem('OFFLINE_LIMIT_EXCEEDED', 'offline debits are disabled');
  return amountCents > policy.floorLimitCents
    ? problem('OFFLINE_LIMIT_EXCEEDED', `above the floor limit of ${policy.floorLimitCents} cents`)
    : null;
}

export function checkTokenUnused(usedBy: string | null): Problem | null {
  return usedBy ? problem('TOKEN_USED', 'this token already paid a debit') : null;
}

export function checkMembership(beneficiary: Beneficiary): Problem | null {
  return beneficiary.membership === 'active' ? null : problem('MEMBERSHIP_INACTIVE', 'membership not active');
}

/**
 * The season runs to 30 June 23:59:59 Paris time; 1 July 00:00 belongs to the next one. `atMs` is the
 * moment the debit is judged at: the Region's clock for an online debit (a till's occurredAt is trusted
 * only within the skew, which would leave last season's money spendable for five more minutes), the
 * till's occurredAt for an offline one (it happened then, under the offline policy).
 */
export function checkSeason(atMs: number, season: number): Problem | null {
  return isInSeason(atMs, season) ? null : problem('SEASON_CLOSED', `outside season ${season}`);
}

export function checkBalance(balanceCents: number, amountCents: number): Problem | null {
  return amountCents > balanceCents
    ? problem('INSUFFICIENT_BALANCE', `balance ${balanceCents} below ${amountCents}`)
    : null;
}

/** Whatever the mode: a closed statement never changes, so nothing dated in its month can join it. */
export function checkMonthOpen(closedMonth: string | null): Problem | null {
  return closedMonth ? problem('MONTH_CLOSED', `the statement of ${closedMonth} is already closed`) : null;
}

/** The first problem of a list of lazily evaluated checks. */
export function firstProblem(...checks: (() => Problem | null)[]): Problem | null {
  for (const check of checks) {
    const found = check();
    if (found) return found;
  }
  return null;
}
