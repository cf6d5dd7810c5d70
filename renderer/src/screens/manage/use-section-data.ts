// A Gestion section's own data (the closures, the backup's state, the privacy settings…): loaded on arrival
// and again after each task that changes it (ManageTasks.reloads). A refusal is no task's: the section keeps
// what it showed, and the banner stays the tasks'.
import { useEffect, useRef } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../../preload/contract';
import { useTill } from '../../till-context';

export function useSectionData<K extends CallName>(
  name: K,
  input: CallInput<K>,
  reloads: number,
  onValue: (value: CallOutput<K>) => void,
): void {
  const till = useTill();
  // The latest of both, without loading again each time the section renders.
  const latest = useRef({ input, onValue });
  latest.current = { input, onValue };
  useEffect(() => {
    void till.invoke(name, latest.current.input).then((r) => r.ok && latest.current.onValue(r.value));
  }, [till, name, reloads]);
}
