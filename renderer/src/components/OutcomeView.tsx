import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebitOutcome } from '../../../preload/contract';
import { formatCents } from '../format/money';
import { ErrorBanner } from './ErrorBanner';

export function OutcomeView({ outcome, onNext }: { outcome: DebitOutcome; onNext: () => void }) {
  const { t, i18n } = useTranslation();
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const money = (c: number) => formatCents(c, i18n.language);
  return (
    <section className={`outcome outcome-${outcome.status}`} role="status" data-status={outcome.status} data-debit-id={outcome.debitId}>
      <h1>{t(`outcome.${outcome.status === 'voided' ? 'refused' : outcome.status}`)}</h1>
      {outcome.status === 'pending' && <p>{t('outcome.pendingHelp')}</p>}
      {outcome.status === 'refused' && outcome.code && <ErrorBanner error={outcome.code} />}
      {(outcome.status === 'accepted' || outcome.status === 'offline_accepted') && (
        <>
          <p className="split">{t('debit.split', { amount: money(outcome.amountCents), rest: money(outcome.remainderCents) })}</p>
          <p className="youth-pays">{t('outcome.youthPays', { rest: money(outcome.remainderCents) })}</p>
          {outcome.walletBalanceCents !== null && <p className="new-balance">{t('outcome.newBalance', { balance: money(outcome.walletBalanceCents) })}</p>}
        </>
      )}
      <button ref={next} type="button" className="primary" onClick={onNext}>
        {t('outcome.next')}
      </button>
    </section>
  );
}
