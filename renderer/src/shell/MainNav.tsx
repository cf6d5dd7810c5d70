// The menu: one button per screen shown, with its F-key, and the lock (F12).
import { useTranslation } from 'react-i18next';
import { LOCK_KEY, keyForScreen, type ScreenName } from './keys';

interface Props {
  shown: readonly ScreenName[];
  screen: ScreenName;
  onOpen: (screen: ScreenName) => void;
  onLock: () => void;
}

export function MainNav({ shown, screen, onOpen, onLock }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="main-nav no-print" aria-label={t('app.menu')}>
      {shown.map((s) => (
        <button
          key={s}
          type="button"
          className={s === screen ? 'current' : ''}
          aria-current={s === screen ? 'page' : undefined}
          aria-keyshortcuts={keyForScreen(s) || undefined}
          onClick={() => onOpen(s)}
        >
          {s === 'manage' ? t('manage.nav') : s === 'about' ? t('manage.about.nav') : t(`nav.${s}`)}
        </button>
      ))}
      <button type="button" className="lock" aria-keyshortcuts={LOCK_KEY} onClick={onLock}>
        {t('app.lock')}
      </button>
    </nav>
  );
}
