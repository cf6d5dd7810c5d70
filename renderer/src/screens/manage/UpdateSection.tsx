// Updates: the feed the till updates from, and an update installed now rather than at the next start.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManageTasks } from './use-manage-tasks';
import { useQuietLoad } from '../../use-quiet-load';
import { ManageSection } from './ManageSection';

export function UpdateSection({ tasks }: { tasks: ManageTasks }) {
  const { t } = useTranslation();
  const [feedUrl, setFeedUrl] = useState('');
  useQuietLoad('update.feed', {}, (feed) => setFeedUrl(feed.feedUrl ?? ''), tasks.reloads);

  return (
    <ManageSection name="update">
      <form
        onSubmit={tasks.onSubmit(
          () =>
            void tasks.perform('update', 'update.configure', { feedUrl: feedUrl.trim() || null }, () =>
              t('manage.update.feedSaved'),
            ),
        )}
      >
        <label>
          {t('manage.update.feed')}
          <input type="url" value={feedUrl} onChange={(e) => setFeedUrl(e.target.value)} spellCheck={false} />
        </label>
        <button type="submit" disabled={tasks.busy}>
          {t('manage.update.saveFeed')}
        </button>
      </form>
      <button
        type="button"
        disabled={tasks.busy}
        onClick={() =>
          void tasks.perform('update', 'update.installNow', {}, () => t('manage.update.requested'))
        }
      >
        {t('manage.update.installNow')}
      </button>
    </ManageSection>
  );
}
