// The coupons reserved to this partner, with their state and expiry.
import { useTranslation } from 'react-i18next';
import type { CouponView } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { formatDate } from '../../format/dates';

export function CouponList({ coupons }: { coupons: readonly CouponView[] | null }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h2>{t('coupons.list')}</h2>
      {coupons && coupons.length === 0 && <p>{t('coupons.empty')}</p>}
      {coupons && coupons.length > 0 && (
        <table className="table coupons-table">
          <thead>
            <tr>
              <th scope="col">{t('coupons.colCode')}</th>
              <th scope="col">{t('coupons.colHolder')}</th>
              <th scope="col">{t('coupons.colCategory')}</th>
              <th scope="col">{t('coupons.colAmount')}</th>
              <th scope="col">{t('coupons.colStatus')}</th>
              <th scope="col">{t('coupons.colExpires')}</th>
            </tr>
          </thead>
          <tbody>
            {coupons.map((c) => (
              <tr key={c.id} data-coupon={c.code} data-status={c.status}>
                <td className="mono">{c.code}</td>
                <td>
                  {c.beneficiary.givenName} {c.beneficiary.familyName}
                </td>
                <td>{t(`category.${c.category}`)}</td>
                <td>{formatCents(c.amountCents, i18n.language)}</td>
                <td>{t(`coupons.state.${c.status}`)}</td>
                <td>{formatDate(c.expiresAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
