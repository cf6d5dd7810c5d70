// The till's clock against the Region's (GET /v1/health). The sequence, never the clock, orders the
// journal; skew matters because the Region refuses online debits more than 5 minutes off its clock.
import type { RegionOutcome } from '../region/client';

/** Skew worth a journal entry (and a warning to the cashier). */
export const CLOCK_SKEW_LIMIT_MS = 60_000;

export interface SkewSample {
  /** Positive: the till is ahead of the Region. */
  skewMs: number;
  regionTime: string;
}

/** Takes the Region's time as read halfway through the round trip. */
export async function measureSkew(
  health: () => Promise<RegionOutcome<{ time: string }>>,
  now: () => number,
): Promise<SkewSample | null> {
  const sent = now();
  const answer = await health();
  const received = now();
  if (answer.kind !== 'ok') return null;
  const regionMs = Date.parse(answer.value.time);
  if (!Number.isFinite(regionMs)) return null;
  return { skewMs: Math.round((sent + received) / 2 - regionMs), regionTime: answer.value.time };
}

/** Whether a new sample deserves a CLOCK_SKEW entry, given the last one recorded (null: none yet). */
export function isSkewWorthRecording(sample: number, lastRecorded: number | null): boolean {
  if (Math.abs(sample) <= CLOCK_SKEW_LIMIT_MS) return false;
  return lastRecorded === null || Math.abs(sample - lastRecorded) > CLOCK_SKEW_LIMIT_MS;
}
