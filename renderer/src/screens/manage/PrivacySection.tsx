// Personal data: a purge of the youths' names and births before a date, the retention that purges by
// itself, and the last purge on record.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyView } from '../../../../preload/contract';
import { formatDateTime, parisToday } from '../../format/dates';
import type { ManageTasks } from './use-manage-tasks';
import { useQuietLoad } from '../../use-quiet-load';
import { ManageSection } from './ManageSection';

export function PrivacySection({ tasks }: { tasks: ManageTasks }) {
  const { t, i18n } = useTranslation();
  const [privacy, setPrivacy] = useState<PrivacyView | null>(null);
  const [purgeBefore, setPurgeBefore] = useState('');
  const [retention, setRetention] = useState('');
  useQuietLoad(
    'manage.privacy',
    {},
    (p) => {
      setPrivacy(p);
      setRetention(p.retentionMonths === null ? '' : String(p.retentionMonths));
    },
    tasks.reloads,
  );

  return (
    <ManageSection name="privacy">
      <form
        onSubmit={tasks.onSubmit(
          () =>
            void tasks.perform(
              'purge',
              'manage.purge',
              { before: purgeBefore },
              (r) => (tasks.reload(), t('manage.privacy.purged', { count: r.persons })),
            ),
        )}
      >
        <label>
          {t('manage.privacy.before')}
          <input
            type="date"
            value={purgeBefore}
            max={parisToday()}
            onChange={(e) => setPurgeBefore(e.target.value)}
            required
          />
        </label>
        <button type="submit" disabled={tasks.busy}>
          {t('manage.privacy.purge')}
        </button>
      </form>
      <form
        onSubmit={tasks.onSubmit(
          () =>
            void tasks.perform(
              'purge',
              'manage.privacyConfigure',
              { retentionMonths: retention === '' ? null : Number(retention) },
              (p) => {
                setPrivacy(p);
                return null;
              },
            ),
        )}
      >
        <label>
          {t('manage.privacy.retention')}
          <input
            type="number"
            min={1}
            max={120}
            value={retention}
            placeholder={t('manage.privacy.retentionNone')}
            onChange={(e) => setRetention(e.target.value)}
          />
        </label>
        <button type="submit" disabled={tasks.busy}>
          {t('manage.privacy.saveRetention')}
        </button>
      </form>
      {privacy?.lastPurge && (
        <p className="hint">
          {t('manage.privacy.last', {
            at: formatDateTime(privacy.lastPurge.at, i18n.language),
            count: privacy.lastPurge.persons,
            trigger: t(`manage.privacy.trigger.${privacy.lastPurge.trigger}`),
          })}
        </p>
      )}
    </ManageSection>
  );
}
