// How long the outbox waits after a failed attempt: exponential, capped, with "full jitter" (AWS
// architecture blog) so that tills coming back online together do not hammer the Region in step.
// A Retry-After from the Region is a floor, never shortened by the jitter.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 60_000 };

/** The pause before attempt `failures + 1`; `random` returns a number in [0, 1). */
export function backoffDelayMs(
  failures: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(0, failures - 1), 30));
  // Half fixed, half random: never zero (a tight loop against a dead server), still spread out.
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
