// Signed archives: one created for a month (or a day), and any archive file verified against its signature
// and, when it is this till's, against the journal.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parisToday } from '../../format/dates';
import { deliverFile } from '../../manage/deliver-file';
import type { ManageTasks } from './use-manage-tasks';
import { ManageSection } from './ManageSection';

export function ArchiveSection({ tasks }: { tasks: ManageTasks }) {
  const { t } = useTranslation();
  const [archivePeriod, setArchivePeriod] = useState(() => parisToday().slice(0, 7));
  const [archiveText, setArchiveText] = useState<string | null>(null);
  return (
    <ManageSection name="archive">
      <form
        onSubmit={tasks.onSubmit(
          () =>
            void tasks.perform('archive.create', 'manage.archiveCreate', { period: archivePeriod }, (a) => {
              deliverFile(a);
              return t('manage.archive.created', {
                period: a.period,
                first: a.firstSeq,
                last: a.lastSeq,
                closures: a.closures,
                key: a.keyId,
              });
            }),
        )}
      >
        <label>
          {t('manage.archive.period')}
          <input
            value={archivePeriod}
            onChange={(e) => setArchivePeriod(e.target.value.trim())}
            pattern="\d{4}-\d{2}(-\d{2})?"
            required
          />
        </label>
        <button type="submit" disabled={tasks.busy}>
          {t('manage.archive.create')}
        </button>
      </form>
      <form
        onSubmit={tasks.onSubmit(() => {
          if (archiveText === null) return;
          void tasks.perform('archive.verify', 'manage.archiveVerify', { text: archiveText }, (v) =>
            v.ok
              ? t('manage.archive.ok', {
                  period: v.period,
                  first: v.firstSeq,
                  last: v.lastSeq,
                  device: v.deviceId,
                  own: v.matchesJournal ? t('manage.archive.own') : '',
                })
              : t('manage.archive.bad', {
                  problem: v.problem,
                  where: v.seq === null ? '' : t('manage.archive.at', { seq: v.seq }),
                  detail: v.detail,
                }),
          );
        })}
      >
        <label>
          {t('manage.archive.verifyFile')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => void e.target.files?.[0]?.text().then(setArchiveText)}
          />
        </label>
        <button type="submit" disabled={tasks.busy || archiveText === null}>
          {t('manage.archive.verify')}
        </button>
      </form>
    </ManageSection>
  );
}
