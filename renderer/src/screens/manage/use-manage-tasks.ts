// Gestion runs one task at a time: the task's name (for its progress bar and its notice), the refusal or the
// notice it ends with, and the buttons disabled meanwhile. The call itself, its busy flag and refusal, are
// useCall's; this adds the task around it.
import { useState, type FormEvent } from 'react';
import type {
  CallInput,
  CallName,
  CallOutput,
  ManageTask,
  TillErrorValue,
} from '../../../../preload/contract';
import { useCall } from '../../use-call';

export interface Notice {
  tone: 'ok' | 'refused';
  text: string;
  task: ManageTask;
}

export interface ManageTasks {
  /** The task that runs, for its progress bar; null between tasks. */
  readonly task: ManageTask | null;
  /** A task runs: every task button is disabled and a form's Enter does nothing. */
  readonly busy: boolean;
  readonly error: TillErrorValue | null;
  readonly notice: Notice | null;
  /** Counts the tasks that changed what the sections show: a section loads its data again when it moves. */
  readonly reloads: number;
  /**
   * Runs `task` as the call `name`: the previous notice and refusal cleared, the refusal kept for the banner,
   * or `done`'s sentence shown as the notice (none when it returns null).
   */
  perform<K extends CallName>(
    task: ManageTask,
    name: K,
    input: CallInput<K>,
    done: (value: CallOutput<K>) => string | null,
  ): Promise<void>;
  /** A form's submit handler that starts a task, unless one already runs. */
  onSubmit(start: () => void): (e: FormEvent) => void;
  /** Asks every section to load its data again (after a backup, a purge). */
  reload(): void;
}

export function useManageTasks(): ManageTasks {
  const { busy, error, run } = useCall();
  const [task, setTask] = useState<ManageTask | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reloads, setReloads] = useState(0);

  async function perform<K extends CallName>(
    name: ManageTask,
    call: K,
    input: CallInput<K>,
    done: (value: CallOutput<K>) => string | null,
  ): Promise<void> {
    setTask(name);
    setNotice(null);
    try {
      const value = await run(call, input);
      if (value === null) return;
      const text = done(value);
      if (text) setNotice({ tone: 'ok', text, task: name });
    } finally {
      setTask(null);
    }
  }

  const onSubmit = (start: () => void) => (e: FormEvent) => {
    e.preventDefault();
    if (!busy) start();
  };

  return { task, busy, error, notice, reloads, perform, onSubmit, reload: () => setReloads((n) => n + 1) };
}
