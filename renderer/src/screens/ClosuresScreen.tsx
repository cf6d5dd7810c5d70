// The day's Z-closure, the closures so far, the Region's monthly statements (status, paid date, contest
// deadline) and the reconciliation of a month with the Region's record.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ClosureView,
  ReconciliationView,
  StatementView,
  TillErrorValue,
} from '../../../preload/contract';
import { useTill } from '../till-context';
import { useShell } from '../shell/shell-context';
import { formatCents } from '../format/money';
import {
  formatDate,
  formatDateTime,
  formatMonth,
  formatPeriod,
  parisToday,
  recentMonths,
} from '../format/dates';
import { ErrorBanner } from '../components/ErrorBanner';
import { ContestReminders } from '../components/ContestReminders';
import { useAltShortcut } from '../shell/use-shortcut';

/** Differences open this close to the contest deadline get a warning. */
const CONTEST_WARNING_DAYS = 7;
/** How far back a month can be reconciled from this screen: two years of statements. */
const RECONCILE_MONTHS = 24;

export function ClosuresScreen() {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const shell = useShell();
  const [closures, setClosures] = useState<ClosureView[] | null>(null);
  const [statements, setStatements] = useState<StatementView[] | null>(null);
  const [justClosed, setJustClosed] = useState<ClosureView | null>(null);
  const [month, setMonth] = useState(parisToday().slice(0, 7));
  const [reconciliation, setReconciliation] = useState<ReconciliationView | null>(null);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const money = (c: number) => formatCents(c, i18n.language);
  const lang = i18n.language;

  const load = useCallback(() => {
    void till.invoke('closure.list', {}).then((r) => (r.ok ? setClosures(r.value) : setError(r.error)));
    void till.invoke('statement.list', {}).then((r) => (r.ok ? setStatements(r.value) : setError(r.error)));
  }, [till]);
  useEffect(() => {
    load();
    closeButton.current?.focus();
  }, [load]);

  async function closeDay() {
    setBusy(true);
    setError(null);
    const r = await till.invoke('closure.closeDay', {});
    setBusy(false);
    if (r.ok) {
      setJustClosed(r.value);
      shell.refreshStatus();
      load();
    } else setError(r.error);
  }

  async function reconcile() {
    setBusy(true);
    setError(null);
    const r = await till.invoke('reconcile.run', { month });
    setBusy(false);
    if (r.ok) {
      setReconciliation(r.value);
      load();
    } else setError(r.error);
  }

  useAltShortcut('z', () => void closeDay(), !busy);
  useAltShortcut('r', () => void reconcile(), !busy);

  return (
    <main className="screen wide closures">
      <h1>{t('closures.title')}</h1>
      <section className="form" aria-labelledby="close-day-title">
        <h2 id="close-day-title">{t('closures.closeDayTitle')}</h2>
        <p className="hint">{t('closures.closeDayHelp')}</p>
        <button
          ref={closeButton}
          type="button"
          className="primary"
          aria-keyshortcuts="Alt+Z"
          disabled={busy}
          onClick={() => void closeDay()}
        >
          {t('closures.closeDay')}
        </button>
        {justClosed && (
          <p className="banner banner-ok" role="status" data-closure={justClosed.period}>
            {t('closures.closed', {
              period: formatPeriod(justClosed.period, lang),
              count: justClosed.count,
              total: money(justClosed.periodTotalCents),
            })}
          </p>
        )}
      </section>
      <ErrorBanner error={error} />

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

      {statements && <ContestReminders statements={statements} onProduced={load} />}

      <section className="form" aria-labelledby="reconcile-title">
        <h2 id="reconcile-title">{t('closures.reconcileTitle')}</h2>
        <label>
          {t('closures.month')}
          {/* Named months, not the browser's month picker: it follows the OS language, and reads "2026-11" in places. */}
          <select name="month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {recentMonths(RECONCILE_MONTHS).map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, lang)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-keyshortcuts="Alt+R" disabled={busy} onClick={() => void reconcile()}>
          {t('closures.reconcile')}
        </button>
      </section>
      {reconciliation && reconciliation.differences.length === 0 && (
        <p className="banner banner-ok" role="status">
          {t('closures.noDifference', { count: reconciliation.tillCount })}
        </p>
      )}
      {reconciliation && reconciliation.differences.length > 0 && (
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
                        {t('contest.linked', { month: formatMonth(d.linkedMonth, lang) })}
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
      )}
    </main>
  );
}
