// The closed outing: what Atouts paid, what the leader pays, the two lists, printable.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutingView } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { OutingPasses } from './OutingPasses';

export function OutingSummary({ outing, onAgain }: { outing: OutingView; onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  const again = useRef<HTMLButtonElement>(null);
  useEffect(() => again.current?.focus(), []);
  return (
    <section className="outing-summary" aria-labelledby="outing-summary">
      <h2 id="outing-summary">
        {t('outing.summary')} — {outing.title}
      </h2>
      <p data-atouts={outing.atoutsCents}>
        {t('outing.atoutsTotal', { amount: money(outing.atoutsCents), count: outing.debitCount })}
      </p>
      <p className="leader-pays" data-leader-pays={outing.leaderPaysCents}>
        <strong>{t('outing.leaderPays', { amount: money(outing.leaderPaysCents) })}</strong>
      </p>
      <OutingPasses outing={outing} />
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('outing.print')}
        </button>
        <button ref={again} type="button" className="primary" onClick={onAgain}>
          {t('outing.again')}
        </button>
      </div>
    </section>
  );
}
