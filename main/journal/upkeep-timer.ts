// The journal's upkeep runs periodically while the till runs (the sweep of undebited youths, the
// automatic purge, the daily backup): on a timer that never keeps the process alive on its own, or driven
// by hand in tests.

/** Runs `fn` every `ms`; returns the stop function. */
export type Every = (fn: () => void, ms: number) => () => void;

export const everyWithTimer: Every = (fn, ms) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** What a periodic upkeep job is given: the clock, the log, and (in tests) a hand-driven `every`. */
export interface UpkeepOptions {
  now: () => number;
  log: (message: string, fields?: Record<string, unknown>) => void;
  every?: Every;
}
