// Staff with wrong PINs on record: waiting, or locked after ten until a manager unlocks them here.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffLockoutView } from '../../../../preload/contract/staff';
import { useTill } from '../../till-context';
import { useCall } from '../../use-call';
import { ErrorBanner } from '../../components/ErrorBanner';

export function StaffLockouts() {
  const { t } = useTranslation();
  const till = useTill();
  const { error, load: loadCall, run } = useCall();
  const [lockouts, setLockouts] = useState<StaffLockoutView[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const load = useCallback(() => {
    void loadCall('staff.lockouts', {}).then((list) => list && setLockouts(list));
    // The names only label the lines: without them a line shows the staff id, and no refusal.
    void till
      .invoke('staff.list', {})
      .then((r) => r.ok && setNames(new Map(r.value.map((s) => [s.id, s.name]))));
  }, [till, loadCall]);
  useEffect(load, [load]);
  if (lockouts.length === 0 && !error) return null;
  async function unlock(staffId: string) {
    if (await run('staff.unlock', { staffId })) load();
  }
  return (
    <section className="form" aria-labelledby="lockouts-title" data-lockouts>
      <h2 id="lockouts-title">{t('settings.lockouts')}</h2>
      <ErrorBanner error={error} />
      <ul>
        {lockouts.map((l) => (
          <li key={l.staffId}>
            {t(l.locked ? 'settings.lockoutLocked' : 'settings.lockoutFailures', {
              name: names.get(l.staffId) ?? l.staffId,
              count: l.failures,
            })}{' '}
            <button type="button" onClick={() => void unlock(l.staffId)}>
              {t('settings.unlock')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
