import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillErrorValue, TillStatus } from '../../preload/contract';
import { useTill } from './till-context';
import { EnrolScreen } from './screens/EnrolScreen';
import { LoginScreen } from './screens/LoginScreen';
import { StatusBar } from './components/StatusBar';
import { Shell } from './shell/Shell';
import { ErrorBanner } from './components/ErrorBanner';
import { IDLE_LOCK_MINUTES } from './shell/idle-lock';

export function App() {
  const till = useTill();
  const { t } = useTranslation();
  const [status, setStatus] = useState<TillStatus | null>(null);
  const [lockNotice, setLockNotice] = useState<string | null>(null);
  // A core that refused to start (a damaged journal: JOURNAL_HEAD_MISSING…) answers every call with its code.
  const [startError, setStartError] = useState<TillErrorValue | null>(null);

  const refresh = useCallback(async () => {
    const result = await till.invoke('till.status', {});
    if (result.ok) setStatus(result.value);
    else setStartError(result.error);
  }, [till]);
  const refreshStatus = useCallback(() => void refresh(), [refresh]);

  useEffect(() => {
    void refresh();
    return till.on('status', setStatus);
  }, [till, refresh]);

  const onLocked = useCallback(
    (reason: 'idle' | 'manual') => {
      setLockNotice(reason === 'idle' ? t('app.locked', { minutes: IDLE_LOCK_MINUTES }) : null);
      void refresh();
    },
    [t, refresh],
  );

  if (!status)
    return (
      <main className="screen" aria-busy={startError === null}>
        {startError ? <ErrorBanner error={startError} /> : t('app.loading')}
      </main>
    );
  return (
    <div className="app">
      <StatusBar status={status} onLoggedOut={() => onLocked('manual')} />
      {!status.enrolled || status.deviceSecret === 'unreadable' ? (
        <EnrolScreen status={status} onEnrolled={setStatus} />
      ) : !status.staff ? (
        <LoginScreen
          notice={lockNotice}
          onLoggedIn={() => {
            setLockNotice(null);
            void refresh();
          }}
        />
      ) : (
        <Shell status={status} refreshStatus={refreshStatus} onLocked={onLocked} />
      )}
    </div>
  );
}
