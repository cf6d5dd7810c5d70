import { useTranslation } from 'react-i18next';
import type { TillStatus } from '../../../preload/contract';
import { useTill } from '../till-context';
import { staffLabel } from '../format/staff';

export function StatusBar({ status, onLoggedOut }: { status: TillStatus; onLoggedOut: () => void }) {
  const { t } = useTranslation();
  const till = useTill();
  const offline = status.enrolled && !status.online;
  return (
    <header className="status-bar">
      <span className="brand">{t('app.title')}</span>
      {status.partner && <span className="partner">{status.partner.name}</span>}
      {status.pendingCount > 0 && (
        <span className="pending">{t('app.pending', { count: status.pendingCount })}</span>
      )}
      {status.staff && (
        <span className="staff">
          {staffLabel(status.staff, t(`app.role.${status.staff.role}`))}{' '}
          <button
            type="button"
            className="link"
            onClick={() => void till.invoke('staff.logout', {}).then(onLoggedOut)}
          >
            {t('login.logout')}
          </button>
        </span>
      )}
      {offline && (
        <div className="offline-banner" role="status" data-offline="true">
          {t('app.offline')}
        </div>
      )}
    </header>
  );
}
