// The day's Z-closure: one button (Alt+Z), and what was closed once it is.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosureView } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { formatPeriod } from '../../format/dates';

interface Props {
  /** A call of the screen is running: the day cannot be closed twice. */
  busy: boolean;
  justClosed: ClosureView | null;
  onCloseDay: () => void;
}

export function CloseDay({ busy, justClosed, onCloseDay }: Props) {
  const { t, i18n } = useTranslation();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <section className="form" aria-labelledby="close-day-title">
      <h2 id="close-day-title">{t('closures.closeDayTitle')}</h2>
      <p className="hint">{t('closures.closeDayHelp')}</p>
      <button
        ref={closeButton}
        type="button"
        className="primary"
        aria-keyshortcuts="Alt+Z"
        disabled={busy}
        onClick={onCloseDay}
      >
        {t('closures.closeDay')}
      </button>
      {justClosed && (
        <p className="banner banner-ok" role="status" data-closure={justClosed.period}>
          {t('closures.closed', {
            period: formatPeriod(justClosed.period, i18n.language),
            count: justClosed.count,
            total: formatCents(justClosed.periodTotalCents, i18n.language),
          })}
        </p>
      )}
    </section>
  );
}
