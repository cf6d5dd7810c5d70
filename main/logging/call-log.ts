// One log line per contract call: its name, how long it took, and its outcome's code — what support reads
// first. The input is scrubbed here already (logger.ts, scrub), whatever `log` does with it: a PIN typed at
// login or a pass scanned never reaches a log, even though the call carried it.
import type { Dispatch } from '../transport/dispatch';
import { scrub, type LogFn } from './logger';

/** Calls too frequent or too dull to log one line each. */
const QUIET_CALLS = new Set(['till.status', 'scanner.report', 'scanner.stats']);

export function withCallLog(
  dispatch: Dispatch,
  log: LogFn,
  now: () => number = () => performance.now(),
): Dispatch {
  return async (name, input) => {
    const started = now();
    const result = await dispatch(name, input);
    if (!QUIET_CALLS.has(name)) {
      const ms = Math.round(now() - started);
      const clean = scrub(input);
      log(
        'call',
        result.ok
          ? { call: name, ms, ok: true, input: clean }
          : {
              call: name,
              ms,
              ok: false,
              code: result.error.code,
              detail: scrub(result.error.detail),
              input: clean,
            },
      );
    }
    return result;
  };
}
