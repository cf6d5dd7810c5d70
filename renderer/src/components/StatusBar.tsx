import { useTranslation } from 'react-i18next';
import type { TillStatus } from '../../../preload/contract';
import { useTill } from '../till-context';

export function StatusBar({ status }: { status: TillStatus }) {
  const { t } = useTranslation();
  const till = useTill();
  const offline = status.enrolled && !status.online;
  return (
    <header className="status-bar">
      <span className="brand">{t('app.title')}</span>
      {status.partner && <span className="partner">{status.partner.name}</span>}
      {status.pendingCount > 0 && <span className="pending">{t('app.pending', { count: status.pendingCount })}</span>}
      {status.staff && (
        <span className="staff">
          {status.staff.name}{' '}
          <button type="button" className="link" onClick={() => void till.invoke('staff.logout', {})}>
            {t('login.logout')}
          </button>
        </span>
      )}
      {offline && (
        <div className="offline-banner" role="status">
          {t('app.offline')}
        </div>
      )}
    </header>
  );
}
