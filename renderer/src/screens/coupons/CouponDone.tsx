// The redemption's result: whose coupon, what it paid and what the youth still pays, and the receipt.
import { useTranslation } from 'react-i18next';
import { formatCents } from '../../format/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { couponPaid, type Redeemed } from './redeemed';
import { OutcomeSection } from '../../components/OutcomeSection';

interface Props {
  done: Redeemed;
  /** Whose coupon it was: the coupon itself is gone from the screen by now. */
  name: string;
  onNext: () => void;
  onReceipt: () => void;
}

export function CouponDone({ done, name, onNext, onReceipt }: Props) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  const paid = couponPaid(done);
  return (
    <OutcomeSection outcome={done} labelledBy="coupon-done">
      <h2 id="coupon-done">{paid ? t('names.couponRedeemed', { name }) : t(`outcome.${done.status}`)}</h2>
      {done.status === 'refused' && done.code && <ErrorBanner error={done.code} />}
      {done.status === 'offline_accepted' && <p className="offline-note">{t('outcome.offlineHelp')}</p>}
      {done.status === 'pending' && <p>{t('outcome.pendingHelp')}</p>}
      <p className="split">
        {t('coupons.split', { amount: money(done.amountCents), rest: money(done.remainderCents) })}
      </p>
      <p className="youth-pays">{t('coupons.youthPays', { rest: money(done.remainderCents) })}</p>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={onNext}>
          {t('coupons.next')}
        </button>
        {paid && (
          <button type="button" aria-keyshortcuts="Alt+T" onClick={onReceipt}>
            {t('outcome.receipt')}
          </button>
        )}
      </div>
    </OutcomeSection>
  );
}
