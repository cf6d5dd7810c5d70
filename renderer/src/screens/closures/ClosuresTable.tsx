// The closures so far, each with its totals and the avoirs issued and redeemed in its period.
import { useTranslation } from 'react-i18next';
import type { ClosureView } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { formatDateTime, formatPeriod } from '../../format/dates';

export function ClosuresTable({ closures }: { closures: readonly ClosureView[] | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (c: number) => formatCents(c, lang);
  return (
    <>
      <h2>{t('closures.list')}</h2>
      {closures && closures.length === 0 && <p>{t('closures.empty')}</p>}
      {closures && closures.length > 0 && (
        <table className="table closures-table">
          <thead>
            <tr>
              <th scope="col">{t('closures.colPeriod')}</th>
              <th scope="col">{t('closures.colKind')}</th>
              <th scope="col">{t('closures.colCount')}</th>
              <th scope="col">{t('closures.colTotal')}</th>
              <th scope="col">{t('closures.colGrand')}</th>
              <th scope="col">{t('closures.colAt')}</th>
              <th scope="col">{t('closures.colAvoirs')}</th>
            </tr>
          </thead>
          <tbody>
            {closures.map((c) => (
              <tr key={c.seq} data-period={c.period}>
                <td>{formatPeriod(c.period, lang)}</td>
                <td>{t(`closures.kind.${c.kind}`)}</td>
                <td>{c.count}</td>
                <td>{money(c.periodTotalCents)}</td>
                <td>{money(c.grandTotalCents)}</td>
                <td>{formatDateTime(c.at, lang)}</td>
                <td data-avoirs-issued={c.avoirs?.issuedCents ?? 0}>
                  {c.avoirs && c.avoirs.issuedCount + c.avoirs.redeemedCount > 0
                    ? t('closures.avoirs', {
                        issued: money(c.avoirs.issuedCents),
                        redeemed: money(c.avoirs.redeemedCents),
                      })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
