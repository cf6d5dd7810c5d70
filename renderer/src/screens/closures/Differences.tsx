// A month reconciled: no difference, or each difference with its explanation and what to do.
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../../preload/contract';
import { formatMonth } from '../../format/dates';

export function Differences({ reconciliation }: { reconciliation: ReconciliationView }) {
  const { t, i18n } = useTranslation();
  if (reconciliation.differences.length === 0)
    return (
      <p className="banner banner-ok" role="status">
        {t('closures.noDifference', { count: reconciliation.tillCount })}
      </p>
    );
  return (
    <>
      <h2>{t('closures.differences')}</h2>
      <table className="table differences-table">
        <thead>
          <tr>
            <th scope="col">{t('closures.colKindDiff')}</th>
            <th scope="col">{t('closures.colDebit')}</th>
            <th scope="col">{t('closures.colExplanation')}</th>
            <th scope="col">{t('closures.colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {reconciliation.differences.map((d, i) => (
            <tr key={`${d.kind}-${d.debitId ?? i}`} data-kind={d.kind}>
              <td>{t(`closures.diff.${d.kind}`)}</td>
              <td className="mono">
                {d.debitId ?? '—'}
                {d.inOutbox && <span className="tag">{t('closures.inOutbox')}</span>}
                {d.linkedMonth && (
                  <span className="tag" data-linked-month={d.linkedMonth}>
                    {t('contest.linked', { month: formatMonth(d.linkedMonth, i18n.language) })}
                  </span>
                )}
              </td>
              <td>{t(`reconcile.explanation.${d.explanation}`, { defaultValue: d.explanation })}</td>
              <td>{t(`reconcile.action.${d.action}`, { defaultValue: d.action })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
