// Which month to reconcile with the Region's record, and the button (Alt+R).
import { useTranslation } from 'react-i18next';
import { formatMonth, recentMonths } from '../../format/dates';

/** How far back a month can be reconciled from this screen: two years of statements. */
const RECONCILE_MONTHS = 24;

interface Props {
  month: string;
  onMonth: (month: string) => void;
  /** A call of the screen is running: the reconciliation waits. */
  busy: boolean;
  onReconcile: () => void;
}

export function ReconcileForm({ month, onMonth, busy, onReconcile }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section className="form" aria-labelledby="reconcile-title">
      <h2 id="reconcile-title">{t('closures.reconcileTitle')}</h2>
      <label>
        {t('closures.month')}
        {/* Named months, not the browser's month picker: it follows the OS language, and reads "2026-11" in places. */}
        <select name="month" value={month} onChange={(e) => onMonth(e.target.value)}>
          {recentMonths(RECONCILE_MONTHS).map((m) => (
            <option key={m} value={m}>
              {formatMonth(m, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" aria-keyshortcuts="Alt+R" disabled={busy} onClick={onReconcile}>
        {t('closures.reconcile')}
      </button>
    </section>
  );
}
