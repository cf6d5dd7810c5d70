import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillStatus } from '../../preload/contract';
import { useTill } from './till-context';
import { EnrolScreen } from './screens/EnrolScreen';
import { LoginScreen } from './screens/LoginScreen';
import { CounterScreen } from './screens/CounterScreen';
import { StatusBar } from './components/StatusBar';

export function App() {
  const till = useTill();
  const { t } = useTranslation();
  const [status, setStatus] = useState<TillStatus | null>(null);

  const refresh = useCallback(async () => {
    const result = await till.invoke('till.status', {});
    if (result.ok) setStatus(result.value);
  }, [till]);

  useEffect(() => {
    void refresh();
    return till.on('status', setStatus);
  }, [till, refresh]);

  if (!status) return <main className="screen" aria-busy="true">{t('app.title')}</main>;
  return (
    <div className="app">
      <StatusBar status={status} />
      {!status.enrolled ? (
        <EnrolScreen onEnrolled={setStatus} />
      ) : !status.staff ? (
        <LoginScreen onLoggedIn={() => void refresh()} />
      ) : (
        <CounterScreen status={status} />
      )}
    </div>
  );
}
