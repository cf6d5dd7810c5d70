import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebitOutcome } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useCall } from '../use-call';
import { formatCents } from '../format/money';
import { ErrorBanner } from './ErrorBanner';
import { useAltShortcut } from '../shell/use-shortcut';
import { OutcomeSection } from './OutcomeSection';
import { isPaid } from '../../../preload/contract/debit';

const PENDING_POLL_MS = 2000;

/** A shape beside the colour and the word, for a colour-blind cashier. */
const OUTCOME_ICON: Record<DebitOutcome['status'], string> = {
  accepted: '✔',
  offline_accepted: '✔',
  refused: '✖',
  pending: '⏳',
  voided: '↺',
};

interface Props {
  outcome: DebitOutcome;
  onNext: () => void;
  onUpdate: (outcome: DebitOutcome) => void;
  onReceipt: () => void;
}

export function OutcomeView({ outcome, onNext, onUpdate, onReceipt }: Props) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  // The result stays until the cashier dismisses it (Échap, the button, or the next scan): the focus rests on
  // the headline, where a second Enter pressed by habit does nothing, so the youth's share is never skipped.
  const headline = useRef<HTMLHeadingElement>(null);
  const { busy, error, run } = useCall();
  useEffect(() => headline.current?.focus(), [outcome.status]);

  // While the Region has not answered, ask the core now and then: the event may have been missed. Not
  // through useCall: a poll that fails is no refusal to show, the next one asks again.
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
    const abandoned = await run('debit.abandon', { debitId: outcome.debitId });
    if (abandoned) onUpdate(abandoned);
  }

  const money = (c: number) => formatCents(c, i18n.language);
  const paid = isPaid(outcome.status);
  useAltShortcut('t', onReceipt, paid);
  useAltShortcut('a', () => void abandon(), outcome.status === 'pending' && !busy);
  return (
    <OutcomeSection
      outcome={outcome}
      labelledBy="outcome-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onNext();
        }
      }}
    >
      <h1 id="outcome-title" ref={headline} tabIndex={-1}>
        <span className="outcome-icon" aria-hidden="true">
          {OUTCOME_ICON[outcome.status]}
        </span>{' '}
        {t(`outcome.${outcome.status}`)}
      </h1>
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
          <p className="split">
            {t('debit.split', { amount: money(outcome.amountCents), rest: money(outcome.remainderCents) })}
          </p>
          <p className="youth-pays">{t('outcome.youthPays', { rest: money(outcome.remainderCents) })}</p>
          {outcome.walletBalanceCents !== null && (
            <p className="new-balance">
              {t('outcome.newBalance', { balance: money(outcome.walletBalanceCents) })}
            </p>
          )}
        </>
      )}
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="button" className="primary" aria-keyshortcuts="Escape" onClick={onNext}>
          {t('outcome.next')}
        </button>
        {paid && (
          <button type="button" aria-keyshortcuts="Alt+T" onClick={onReceipt}>
            {t('outcome.receipt')}
          </button>
        )}
        {outcome.status === 'pending' && (
          <button
            type="button"
            className="danger"
            aria-keyshortcuts="Alt+A"
            disabled={busy}
            onClick={() => void abandon()}
          >
            {t('outcome.abandon')}
          </button>
        )}
      </div>
    </OutcomeSection>
  );
}
