// Backups of the journal: the folder (a USB stick, a share), how many to keep, the daily run, a backup now,
// and what the last one did.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatusView } from '../../../../preload/contract';
import { formatDateTime } from '../../format/dates';
import { formatBytes } from '../../manage/deliver-file';
import type { ManageTasks } from './use-manage-tasks';
import { useQuietLoad } from '../../use-quiet-load';
import { ManageSection } from './ManageSection';

export function BackupSection({ tasks }: { tasks: ManageTasks }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [backup, setBackup] = useState<BackupStatusView | null>(null);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState(14);
  const [daily, setDaily] = useState(true);
  useQuietLoad(
    'manage.backupStatus',
    {},
    (status) => {
      setBackup(status);
      setFolder(status.folder ?? '');
      setKeep(status.keep);
      setDaily(status.daily);
    },
    tasks.reloads,
  );

  return (
    <ManageSection name="backup">
      <form
        onSubmit={tasks.onSubmit(
          () =>
            void tasks.perform(
              'backup',
              'manage.backupConfigure',
              { folder: folder.trim() || null, keep, daily },
              (s) => {
                setBackup(s);
                return null;
              },
            ),
        )}
      >
        <label>
          {t('manage.backup.folder')}
          <input value={folder} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />
        </label>
        <label>
          {t('manage.backup.keep')}
          <input
            type="number"
            min={1}
            max={365}
            value={keep}
            onChange={(e) => setKeep(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={daily} onChange={(e) => setDaily(e.target.checked)} />
          {t('manage.backup.daily')}
        </label>
        <button type="submit" disabled={tasks.busy}>
          {t('manage.backup.save')}
        </button>
      </form>
      <button
        type="button"
        className="primary"
        disabled={tasks.busy}
        onClick={() =>
          void tasks.perform('backup', 'manage.backupNow', {}, () => {
            tasks.reload();
            return null;
          })
        }
      >
        {t('manage.backup.now')}
      </button>
      <p className="hint" data-backup-last={backup?.last ? (backup.last.ok ? 'ok' : 'failed') : 'none'}>
        {!backup?.last
          ? t('manage.backup.none')
          : backup.last.ok
            ? t('manage.backup.lastOk', {
                at: formatDateTime(backup.last.at, lang),
                size: formatBytes(backup.last.bytes, lang),
                seq: backup.last.headSeq,
                file: backup.last.file,
              })
            : t('manage.backup.lastFailed', {
                at: formatDateTime(backup.last.at, lang),
                code: backup.last.code,
              })}
      </p>
      {backup && backup.files.length > 0 && (
        <>
          <h3>{t('manage.backup.files')}</h3>
          <ul className="backup-files">
            {backup.files.map((f) => (
              <li key={f.name}>
                {f.name} — {formatBytes(f.bytes, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </ManageSection>
  );
}
