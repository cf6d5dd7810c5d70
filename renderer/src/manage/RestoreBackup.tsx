// On a new PC, before enrolment: restore the journal of a backup (the manager's USB stick, a share). The core
// checks the whole chain first and stages the copy; it replaces the empty journal when the till starts again
// (main/backup/restore-journal.ts).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestoreStagedView } from '../../../preload/contract';
import { useCall } from '../use-call';
import { ErrorBanner } from '../components/ErrorBanner';

export function RestoreBackup() {
  const { t } = useTranslation();
  const { busy, error, run } = useCall();
  const [path, setPath] = useState('');
  const [staged, setStaged] = useState<RestoreStagedView | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const restored = await run('manage.restore', { path: path.trim() });
    if (restored) setStaged(restored);
  }

  return (
    <details className="restore-backup">
      <summary>{t('manage.restore.title')}</summary>
      <p className="hint">{t('manage.restore.help')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('manage.restore.path')}
          <input value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} required />
        </label>
        <ErrorBanner error={error} />
        <button type="submit" disabled={busy}>
          {t('manage.restore.submit')}
        </button>
      </form>
      {staged && (
        <p className="banner banner-ok" role="status" data-restore-staged={staged.headSeq}>
          {t('manage.restore.staged', { entries: staged.entries, device: staged.deviceId ?? '—' })}
        </p>
      )}
    </details>
  );
}
