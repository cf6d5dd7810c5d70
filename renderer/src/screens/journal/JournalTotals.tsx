// What still waits for the Region, and the period's totals per category.
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../protocol/catalogue';
import type { JournalListView } from '../../../../preload/contract';
import { formatCents } from '../../format/money';

export function JournalTotals({
  view,
  categories,
}: {
  view: JournalListView;
  categories: readonly Category[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {view.pendingCount > 0 && (
        <p className="banner banner-warn" role="status" data-pending={view.pendingCount}>
          {t('journal.pendingCount', { count: view.pendingCount })}
        </p>
      )}
      <section aria-labelledby="totals-title" className="totals">
        <h2 id="totals-title">{t('journal.totals')}</h2>
        <ul>
          {view.totals
            .filter((tot) => categories.includes(tot.category))
            .map((tot) => (
              <li key={tot.category} data-category={tot.category}>
                {t('journal.total', {
                  category: t(`category.${tot.category}`),
                  count: tot.count,
                  amount: formatCents(tot.amountCents, i18n.language),
                })}
              </li>
            ))}
        </ul>
      </section>
    </>
  );
}
