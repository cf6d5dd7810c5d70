import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebitOutcome, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { formatCents } from '../format/money';
import { ErrorBanner } from './ErrorBanner';
import { useAltShortcut } from '../shell/use-shortcut';

const PENDING_POLL_MS = 2000;

interface Props {
  outcome: DebitOutcome;
  onNext: () => void;
  onUpdate: (outcome: DebitOutcome) => void;
  onReceipt: () => void;
}

export function OutcomeView({ outcome, onNext, onUpdate, onReceipt }: Props) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const next = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => next.current?.focus(), [outcome.status]);

  // While the Region has not answered, ask the core now and then: the event may have been missed.
  useEffect(() => {
    if (outcome.status !== 'pending') return;
    const timer = window.setInterval(() => {
      void till.invoke('debit.get', { debitId: outcome.debitId }).then((r) => {
        if (r.ok && r.value.status !== 'pending') onUpdate(r.value);
      });
    }, PENDING_POLL_MS);
    return () => window.clearInterval(timer);
  }, [till, outcome.status, outcome.debitId, onUpdate]);

  async function abandon() {
    setBusy(true);
    const r = await till.invoke('debit.abandon', { debitId: outcome.debitId });
    setBusy(false);
    if (r.ok) onUpdate(r.value);
    else setError(r.error);
  }

  const money = (c: number) => formatCents(c, i18n.language);
  const paid = outcome.status === 'accepted' || outcome.status === 'offline_accepted';
  useAltShortcut('t', onReceipt, paid);
  useAltShortcut('a', () => void abandon(), outcome.status === 'pending' && !busy);
  return (
    <section className={`outcome outcome-${outcome.status}`} role="status" data-status={outcome.status} data-debit-id={outcome.debitId} aria-labelledby="outcome-title">
      <h1 id="outcome-title">{t(`outcome.${outcome.status}`)}</h1>
      {outcome.status === 'pending' && (
        <>
          <p>{t('outcome.pendingHelp')}</p>
          <p className="hint">{t('outcome.abandonHelp')}</p>
        </>
      )}
      {outcome.status === 'refused' && outcome.code && <ErrorBanner error={outcome.code} />}
      {outcome.status === 'offline_accepted' && <p className="offline-note">{t('outcome.offlineHelp')}</p>}
      {paid && (
        <>
          <p className="split">{t('debit.split', { amount: money(outcome.amountCents), rest: money(outcome.remainderCents) })}</p>
          <p className="youth-pays">{t('outcome.youthPays', { rest: money(outcome.remainderCents) })}</p>
          {outcome.walletBalanceCents !== null && <p className="new-balance">{t('outcome.newBalance', { balance: money(outcome.walletBalanceCents) })}</p>}
        </>
      )}
      <ErrorBanner error={error} />
      <div className="actions">
        <button ref={next} type="button" className="primary" onClick={onNext}>
          {t('outcome.next')}
        </button>
        {paid && (
          <button type="button" aria-keyshortcuts="Alt+T" onClick={onReceipt}>
            {t('outcome.receipt')}
          </button>
        )}
        {outcome.status === 'pending' && (
          <button type="button" className="danger" aria-keyshortcuts="Alt+A" disabled={busy} onClick={() => void abandon()}>
            {t('outcome.abandon')}
          </button>
        )}
      </div>
    </section>
  );
}
