// The Region's monthly statements: status, the two counts, the paid date and the contest deadline.
import { useTranslation } from 'react-i18next';
import type { StatementView } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { formatDate, formatMonth } from '../../format/dates';

/** Differences open this close to the contest deadline get a warning. */
const CONTEST_WARNING_DAYS = 7;

export function StatementsTable({ statements }: { statements: readonly StatementView[] | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (c: number) => formatCents(c, lang);
  return (
    <>
      <h2>{t('closures.statements')}</h2>
      {statements && statements.length === 0 && <p>{t('closures.noStatements')}</p>}
      {statements && statements.length > 0 && (
        <table className="table statements-table">
          <thead>
            <tr>
              <th scope="col">{t('closures.colMonth')}</th>
              <th scope="col">{t('closures.colStatus')}</th>
              <th scope="col">{t('closures.colRegion')}</th>
              <th scope="col">{t('closures.colTill')}</th>
              <th scope="col">{t('closures.colPaid')}</th>
              <th scope="col">{t('closures.colContest')}</th>
              <th scope="col">{t('closures.colDiff')}</th>
            </tr>
          </thead>
          <tbody>
            {statements.map((s) => (
              <tr key={s.month} data-month={s.month} data-status={s.status}>
                <td>{formatMonth(s.month, lang)}</td>
                <td>{t(`closures.statementStatus.${s.status}`)}</td>
                <td>
                  {s.regionCount} — {money(s.regionTotalCents)}
                </td>
                <td>
                  {s.tillCount} — {money(s.tillTotalCents)}
                </td>
                <td>{formatDate(s.paidAt, lang)}</td>
                <td>
                  {formatDate(s.contestUntil, lang)}
                  {s.contestDaysLeft !== null && (
                    <span className="hint"> ({t('closures.daysLeft', { count: s.contestDaysLeft })})</span>
                  )}
                </td>
                <td>
                  {s.differenceCount}
                  {s.differenceCount > 0 &&
                    s.contestDaysLeft !== null &&
                    s.contestDaysLeft <= CONTEST_WARNING_DAYS && (
                      <span className="ko" role="note">
                        {' '}
                        {t('closures.contestWarning', { count: s.differenceCount })}
                      </span>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
