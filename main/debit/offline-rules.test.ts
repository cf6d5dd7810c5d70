import { describe, expect, it } from 'vitest';
import { firstOfflineRefusal, type OfflinePolicyFacts } from './offline-rules';

const now = Date.parse('2025-10-03T18:00:00Z');
const base: OfflinePolicyFacts = {
  policy: { enabled: true, floorLimitCents: 1500, maxOfflineHours: 24 },
  keysFetchedAtMs: now - 3_600_000,
  nowMs: now,
  amountCents: 1500,
};

describe('offline acceptance rules', () => {
  it.each([
    ['within policy', base, null],
    ['disabled', { ...base, policy: { ...base.policy!, enabled: false } }, 'OFFLINE_DISABLED'],
    ['no policy cached', { ...base, policy: null }, 'OFFLINE_DISABLED'],
    ['no keys cached', { ...base, keysFetchedAtMs: null }, 'OFFLINE_KEYS_MISSING'],
    ['keys just within the age', { ...base, keysFetchedAtMs: now - 24 * 3_600_000 }, null],
    ['keys too old', { ...base, keysFetchedAtMs: now - 24 * 3_600_000 - 1 }, 'OFFLINE_MAX_AGE'],
    ['above the floor limit', { ...base, amountCents: 1501 }, 'OFFLINE_LIMIT_EXCEEDED'],
  ] as const)('%s', (_name, facts, code) => {
    expect(firstOfflineRefusal(facts)?.code ?? null).toBe(code);
  });
});
