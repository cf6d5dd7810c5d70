// The end of the partnership: everything on this till erased, after two confirmations, the word typed and a
// manager's PIN.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../../../preload/contract';
import { ManagerPinFields } from '../../components/ManagerPinFields';
import type { ManageTasks } from './use-manage-tasks';
import { useQuietLoad } from '../../use-quiet-load';
import { ManageSection } from './ManageSection';

/** The word that confirms, in either language of the UI. */
const WIPE_WORDS = ['EFFACER', 'ERASE'];

export function WipeSection({ tasks }: { tasks: ManageTasks }) {
  const { t } = useTranslation();
  const [managers, setManagers] = useState<StaffView[]>([]);
  const [wipeStep, setWipeStep] = useState<0 | 1 | 2>(0);
  const [wipeWord, setWipeWord] = useState('');
  const [wipeManager, setWipeManager] = useState('');
  const [wipePin, setWipePin] = useState('');
  useQuietLoad(
    'staff.list',
    {},
    (staff) => {
      const list = staff.filter((s) => s.role === 'manager');
      setManagers(list);
      setWipeManager((id) => id || list[0]?.id || '');
    },
    tasks.reloads,
  );

  return (
    <ManageSection name="wipe" className="form danger-zone">
      {wipeStep === 0 && (
        <button type="button" className="danger" disabled={tasks.busy} onClick={() => setWipeStep(1)}>
          {t('manage.wipe.start')}
        </button>
      )}
      {wipeStep === 1 && (
        <div role="alertdialog" aria-labelledby="wipe-confirm-1">
          <p id="wipe-confirm-1">{t('manage.wipe.confirm1')}</p>
          <button type="button" onClick={() => setWipeStep(0)} autoFocus>
            {t('manage.wipe.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => setWipeStep(2)}>
            {t('manage.wipe.continue')}
          </button>
        </div>
      )}
      {wipeStep === 2 && (
        <form
          onSubmit={tasks.onSubmit(
            () =>
              void tasks.perform(
                'wipe',
                'manage.wipe',
                {
                  confirm: wipeWord.trim().toUpperCase() as 'EFFACER',
                  managerId: wipeManager,
                  pin: wipePin,
                },
                (w) => {
                  setWipeStep(0);
                  setWipePin('');
                  return t('manage.wipe.done', {
                    persons: w.personsRemoved ?? 0,
                    removed: w.removed,
                    verify: w.verify,
                  });
                },
              ),
          )}
        >
          <label>
            {t('manage.wipe.confirm2')}
            <input
              value={wipeWord}
              onChange={(e) => setWipeWord(e.target.value)}
              autoComplete="off"
              required
            />
          </label>
          <ManagerPinFields
            managers={managers}
            managerId={wipeManager}
            onManagerId={setWipeManager}
            pin={wipePin}
            onPin={setWipePin}
            managerLabel={t('manage.wipe.manager')}
            pinLabel={t('manage.wipe.pin')}
            names={{ manager: 'wipeManager', pin: 'wipePin' }}
          />
          <button type="button" onClick={() => setWipeStep(0)}>
            {t('manage.wipe.cancel')}
          </button>
          <button
            type="submit"
            className="danger"
            disabled={tasks.busy || !WIPE_WORDS.includes(wipeWord.trim().toUpperCase())}
          >
            {t('manage.wipe.run')}
          </button>
        </form>
      )}
    </ManageSection>
  );
}
