// While the cashier waits, an unknown outcome is retried a few times with the same request (same UUID,
// same body) before the debit is left "pending" for the outbox. A Retry-After is honoured, briefly.
import type { RegionOutcome } from '../region/client';

export const DEFAULT_IMMEDIATE_RETRY_DELAYS_MS: readonly number[] = [250, 750, 1500];
/** The cashier will not wait longer than this for one Retry-After. */
const MAX_WAIT_AT_COUNTER_MS = 2000;

export const realSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export async function withImmediateRetries<T>(
  attempt: () => Promise<RegionOutcome<T>>,
  delays: readonly number[] = DEFAULT_IMMEDIATE_RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = realSleep,
): Promise<RegionOutcome<T>> {
  let answer = await attempt();
  for (const delay of delays) {
    if (answer.kind === 'ok' || answer.kind === 'refused') return answer;
    if (answer.kind === 'retry' && answer.retryAfterMs > MAX_WAIT_AT_COUNTER_MS) return answer;
    await sleep(answer.kind === 'retry' ? answer.retryAfterMs : delay);
    answer = await attempt();
  }
  return answer;
}
