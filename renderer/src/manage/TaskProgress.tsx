// The progress bar of a manager's task: shown once the task has run for a second (a quick export shows no
// flicker), filled from the core's `progress` events, indeterminate until the first one arrives.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManageTask, ProgressEvent } from '../../../preload/contract';
import { useTill } from '../till-context';

/** A task quicker than this shows no bar. */
export const PROGRESS_AFTER_MS = 1000;

export function TaskProgress({ task }: { task: ManageTask | null }) {
  const { t } = useTranslation();
  const till = useTill();
  const [shown, setShown] = useState(false);
  const [event, setEvent] = useState<ProgressEvent | null>(null);

  useEffect(() => {
    setEvent(null);
    setShown(false);
    if (!task) return;
    const timer = setTimeout(() => setShown(true), PROGRESS_AFTER_MS);
    const off = till.on('progress', (e) => {
      if (e.task === task) setEvent(e);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [task, till]);

  if (!task || !shown) return null;
  const determinate = event !== null && event.total > 0;
  return (
    <div className="task-progress" role="status">
      <label>
        {t('manage.working')}
        <progress
          aria-label={t('manage.progress')}
          data-task={task}
          max={determinate ? event.total : undefined}
          value={determinate ? event.done : undefined}
        />
      </label>
    </div>
  );
}
