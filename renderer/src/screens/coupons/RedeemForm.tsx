// A coupon found: the holder to check, the item and its price; the coupon pays its amount, the youth the
// rest. Escape gives up.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_RULES } from '../../../../protocol/catalogue';
import type { CouponView } from '../../../../preload/contract';
import { useCall } from '../../use-call';
import { formatCents } from '../../format/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ItemFields, useItemFields } from '../../components/ItemFields';
import type { Redeemed } from './redeemed';

interface Props {
  coupon: CouponView;
  onCancel: () => void;
  onDone: (redeemed: Redeemed) => void;
}

export function RedeemForm({ coupon, onCancel, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const items = CATEGORY_RULES[coupon.category].items;
  const { chosen, priceCents, props: itemFields } = useItemFields(items);
  const { busy, error, setError, run } = useCall();
  const money = (c: number) => formatCents(c, i18n.language);
  const name = `${coupon.beneficiary.givenName} ${coupon.beneficiary.familyName}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen || priceCents === null || busy) return setError({ code: 'INPUT_INVALID' });
    const redeemed = await run('coupon.redeem', { couponId: coupon.id, ...chosen, priceCents });
    if (redeemed) onDone(redeemed);
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-labelledby="coupon-found"
    >
      <h2 id="coupon-found" className="holder" data-coupon={coupon.code}>
        {t('coupons.found', { name, amount: money(coupon.amountCents) })}
      </h2>
      <p className="check-id" role="note">
        {t('card.checkId')}
      </p>
      <p>
        {t(`category.${coupon.category}`)} — <span className="mono">{coupon.code}</span>
      </p>
      <ItemFields {...itemFields} />
      {priceCents !== null && (
        <p className="split" aria-live="polite">
          {t('coupons.split', {
            amount: money(Math.min(coupon.amountCents, priceCents)),
            rest: money(Math.max(0, priceCents - coupon.amountCents)),
          })}
        </p>
      )}
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('coupons.redeem')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('coupons.cancel')}
        </button>
      </div>
    </form>
  );
}
