// One way for a screen to call the till: the busy flag that disables its buttons, the refusal its
// ErrorBanner shows, and the call itself. Every screen had its own copy of these three lines, and the copies
// drifted (one forgot to clear the previous refusal, another left busy set when the call threw).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallName, CallOutput, CallResult, TillErrorValue } from '../../preload/contract';
import { useTill } from './till-context';

export interface TillCall {
  /** True while at least one call of this screen runs: its buttons are disabled, Enter does nothing. */
  readonly busy: boolean;
  /** The last refusal, for the screen's ErrorBanner; cleared when the next call starts. */
  readonly error: TillErrorValue | null;
  /** Sets or clears the refusal by hand (a check the screen makes itself, before calling). */
  setError(error: TillErrorValue | null): void;
  /**
   * Calls the till: busy while it runs, the previous refusal cleared at the start. Resolves to the value, or
   * to null when the till refused (the refusal is then in `error`). A transport that throws is reported as
   * the till's own CORE_UNAVAILABLE code, never as an uncaught rejection.
   */
  run<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K> | null>;
  /**
   * As run, but resolves to the whole result, for a screen that acts on the refusal itself (a beep, a field
   * to focus) or whose call may answer null; resolves to undefined when the screen is gone by the answer.
   */
  attempt<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>> | undefined>;
  /** As run, for the loads a screen makes on its own (lists, status): the buttons stay enabled. */
  load<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K> | null>;
}

/** The value of an answered call; null for a refusal or a screen gone by the answer. */
function valueOf<T>(result: CallResult<T> | undefined): T | null {
  return result?.ok ? result.value : null;
}

export function useCall(): TillCall {
  const till = useTill();
  const [running, setRunning] = useState(0);
  const [error, setError] = useState<TillErrorValue | null>(null);
  // A screen left before its call answered: the answer is dropped rather than set on a gone component.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const call = useCallback(
    async <K extends CallName>(
      name: K,
      input: CallInput<K>,
      marksBusy: boolean,
    ): Promise<CallResult<CallOutput<K>> | undefined> => {
      if (marksBusy) setRunning((n) => n + 1);
      setError(null);
      let result: CallResult<CallOutput<K>>;
      try {
        result = await till.invoke(name, input);
      } catch {
        result = { ok: false, error: { code: 'CORE_UNAVAILABLE' } };
      }
      if (!mounted.current) return undefined;
      if (marksBusy) setRunning((n) => n - 1);
      if (!result.ok) setError(result.error);
      return result;
    },
    [till],
  );
  const run = useCallback(
    async <K extends CallName>(name: K, input: CallInput<K>) => valueOf(await call(name, input, true)),
    [call],
  );
  const attempt = useCallback(
    <K extends CallName>(name: K, input: CallInput<K>) => call(name, input, true),
    [call],
  );
  const load = useCallback(
    async <K extends CallName>(name: K, input: CallInput<K>) => valueOf(await call(name, input, false)),
    [call],
  );
  return { busy: running > 0, error, setError, run, attempt, load };
}
