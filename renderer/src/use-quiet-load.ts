// Data a screen shows without a refusal of its own (a Gestion section's state, the tariffs, the staff names that
// label journal lines, scanner statistics…): loaded on arrival, and again whenever `reloads` changes (a Gestion
// task that changed it). A refusal leaves what was shown, and no banner: the screen's banner belongs to its
// actions (useCall).
import { useEffect, useRef } from 'react';
import type { CallInput, CallName, CallOutput } from '../../preload/contract';
import { useTill } from './till-context';

export function useQuietLoad<K extends CallName>(
  name: K,
  input: CallInput<K>,
  onValue: (value: CallOutput<K>) => void,
  reloads = 0,
): void {
  const till = useTill();
  // The latest of both, without loading again each time the screen renders.
  const latest = useRef({ input, onValue });
  latest.current = { input, onValue };
  useEffect(() => {
    void till.invoke(name, latest.current.input).then((r) => r.ok && latest.current.onValue(r.value));
  }, [till, name, reloads]);
}
