// Gestion (F7, managers only): everything a partner used to need a developer's machine for (issue 16) —
// the debits CSV and the closure PDFs, signed archives, the journal's verification, backups, the
// diagnostic bundle, the purge of personal data and the end-of-partnership wipe. Each button is one call
// of the contract, one task at a time (manage/use-manage-tasks.ts); files come back as bytes and are saved
// through the host (manage/deliver-file.ts).
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../components/ErrorBanner';
import { deliverFile, formatBytes } from '../manage/deliver-file';
import { TaskProgress } from '../manage/TaskProgress';
import { verifyVerdict } from '../manage/verify-verdict';
import { useManageTasks } from './manage/use-manage-tasks';
import { CsvExport } from './manage/CsvExport';
import { ClosurePdfExport } from './manage/ClosurePdfExport';
import { ArchiveSection } from './manage/ArchiveSection';
import { BackupSection } from './manage/BackupSection';
import { PrivacySection } from './manage/PrivacySection';
import { UpdateSection } from './manage/UpdateSection';
import { WipeSection } from './manage/WipeSection';
import { ManageSection } from './manage/ManageSection';

export function ManageScreen() {
  const { t, i18n } = useTranslation();
  const tasks = useManageTasks();
  const { notice } = tasks;

  return (
    <main className="screen wide manage">
      <h1>{t('manage.title')}</h1>
      <p className="hint">{t('manage.intro')}</p>
      <TaskProgress task={tasks.task} />
      <ErrorBanner error={tasks.error} />
      {notice && (
        <p className={`banner banner-${notice.tone}`} role="status" data-task={notice.task}>
          {notice.text}
        </p>
      )}

      <ManageSection name="exports" help={t('manage.exports.csvHelp')}>
        <CsvExport tasks={tasks} />
        <ClosurePdfExport tasks={tasks} />
      </ManageSection>

      <ArchiveSection tasks={tasks} />

      <ManageSection name="verify">
        <button
          type="button"
          disabled={tasks.busy}
          onClick={() =>
            void tasks.perform('journal.verify', 'journal.verify', {}, (v) => verifyVerdict(t, v))
          }
        >
          {t('manage.verify.run')}
        </button>
      </ManageSection>

      <BackupSection tasks={tasks} />

      <ManageSection name="diagnostic">
        <button
          type="button"
          disabled={tasks.busy}
          onClick={() =>
            void tasks.perform('diagnostic', 'manage.diagnostic', {}, (file) => {
              deliverFile(file);
              return t('manage.saved', { name: file.name, size: formatBytes(file.bytes, i18n.language) });
            })
          }
        >
          {t('manage.diagnostic.run')}
        </button>
      </ManageSection>

      <PrivacySection tasks={tasks} />
      <UpdateSection tasks={tasks} />
      <WipeSection tasks={tasks} />
    </main>
  );
}
