// When the Region cannot be reached, the till may accept a debit itself (region-api.md "Offline
// debits"), within the Region's policy. One named rule per condition, one code each; the debit rules
// (accreditation, item, amount, token validity and one use, balance) apply as well, with the balance
// taken from the token's snapshot minus what this till already debited offline since.
import type { Refusal } from './rules';

export interface OfflinePolicyFacts {
  policy: { enabled: boolean; floorLimitCents: number; maxOfflineHours: number } | null;
  /** When the cached keys and policy were fetched. */
  keysFetchedAtMs: number | null;
  nowMs: number;
  amountCents: number;
}

export const checkOfflineEnabled = (f: OfflinePolicyFacts): Refusal | null =>
  f.policy?.enabled ? null : { code: 'OFFLINE_DISABLED' };

export const checkKeysFresh = (f: OfflinePolicyFacts): Refusal | null => {
  if (f.keysFetchedAtMs === null || !f.policy) return { code: 'OFFLINE_KEYS_MISSING' };
  const maxMs = f.policy.maxOfflineHours * 3_600_000;
  return f.nowMs - f.keysFetchedAtMs <= maxMs
    ? null
    : { code: 'OFFLINE_MAX_AGE', params: { maxOfflineHours: f.policy.maxOfflineHours } };
};

export const checkFloorLimit = (f: OfflinePolicyFacts): Refusal | null =>
  f.policy && f.amountCents <= f.policy.floorLimitCents
    ? null
    : { code: 'OFFLINE_LIMIT_EXCEEDED', params: { floorLimitCents: f.policy?.floorLimitCents ?? 0 } };

export const OFFLINE_RULES = [checkOfflineEnabled, checkKeysFresh, checkFloorLimit] as const;

export function firstOfflineRefusal(facts: OfflinePolicyFacts): Refusal | null {
  for (const rule of OFFLINE_RULES) {
    const refusal = rule(facts);
    if (refusal) return refusal;
  }
  return null;
}
