// The outing's two lists: who paid what with Atouts, and who is to be settled otherwise, and why.
import { useTranslation } from 'react-i18next';
import type { OutingView } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { otherwiseReason } from './otherwise-reason';

export function OutingPasses({ outing }: { outing: OutingView }) {
  const { t, i18n } = useTranslation();
  const paid = outing.passes.filter((p) => p.status !== 'otherwise');
  const otherwise = outing.passes.filter((p) => p.status === 'otherwise');
  return (
    <div className="outing-lists">
      <section aria-labelledby="outing-paid">
        <h2 id="outing-paid">{t('outing.paid')}</h2>
        <table className="table outing-paid">
          <thead>
            <tr>
              <th scope="col">{t('outing.colName')}</th>
              <th scope="col">{t('outing.colAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {paid.map((p) => (
              <tr key={p.debitId} data-debit-id={p.debitId} data-status={p.status}>
                <td>{p.name ?? t('outing.unknownName')}</td>
                <td>
                  {formatCents(p.amountCents, i18n.language)}{' '}
                  <span className="hint">({t(`outing.status.${p.status}`)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="outing-otherwise">
        <h2 id="outing-otherwise">{t('outing.otherwise')}</h2>
        <table className="table outing-otherwise">
          <thead>
            <tr>
              <th scope="col">{t('outing.colName')}</th>
              <th scope="col">{t('outing.colReason')}</th>
            </tr>
          </thead>
          <tbody>
            {otherwise.map((p, i) => (
              <tr key={`${p.debitId ?? 'scan'}-${i}`} data-code={p.code}>
                <td>{p.name ?? t('outing.unknownName')}</td>
                <td>{otherwiseReason(t, p.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
