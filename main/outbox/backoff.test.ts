import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

const policy = { baseMs: 100, maxMs: 5000 };

describe('backoff with jitter', () => {
  it('doubles per failure within [ceiling/2, ceiling], capped', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(50);
    expect(backoffDelayMs(1, policy, () => 0.999999)).toBe(100);
    expect(backoffDelayMs(4, policy, () => 0)).toBe(400);
    expect(backoffDelayMs(4, policy, () => 0.999999)).toBe(800);
    expect(backoffDelayMs(40, policy, () => 0.999999)).toBe(5000);
  });

  it('never waits less than a Retry-After, even above the cap', () => {
    expect(backoffDelayMs(1, policy, () => 0, 3000)).toBe(3000);
    expect(backoffDelayMs(2, policy, () => 0.5, 60_000)).toBe(60_000);
  });
});
