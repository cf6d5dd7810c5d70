// The avoirs issued so far, what is left on each, and this month's export for the accounts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvoirView } from '../../../../preload/contract';
import type { TillCall } from '../../use-call';
import { formatCents } from '../../format/money';
import { formatDate, parisToday } from '../../format/dates';

interface Props {
  /** The avoirs screen's calls: a refusal shows in its banner. */
  call: TillCall;
}

export function AvoirList({ call }: Props) {
  const { t, i18n } = useTranslation();
  const { run, load } = call;
  const [avoirs, setAvoirs] = useState<AvoirView[] | null>(null);
  useEffect(() => {
    void load('avoir.list', {}).then((list) => list && setAvoirs(list));
  }, [load]);
  if (!avoirs || avoirs.length === 0) return null;
  const money = (c: number) => formatCents(c, i18n.language);
  async function exportMonth() {
    const month = parisToday().slice(0, 7);
    const csv = await run('avoir.export', { fromDay: `${month}-01`, toDay: parisToday() });
    if (!csv) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv.text], { type: 'text/csv;charset=utf-8' }));
    link.download = csv.name;
    link.click();
    URL.revokeObjectURL(link.href);
  }
  return (
    <section className="no-print" aria-labelledby="avoir-list">
      <h2 id="avoir-list">{t('avoir.listTitle')}</h2>
      <table className="table avoir-list">
        <thead>
          <tr>
            <th scope="col">{t('avoir.colCode')}</th>
            <th scope="col">{t('avoir.colName')}</th>
            <th scope="col">{t('avoir.colCategory')}</th>
            <th scope="col">{t('avoir.colAmount')}</th>
            <th scope="col">{t('avoir.colRemaining')}</th>
            <th scope="col">{t('avoir.colIssued')}</th>
          </tr>
        </thead>
        <tbody>
          {avoirs.map((a) => (
            <tr key={a.avoirId} data-avoir-code={a.code} data-remaining={a.remainingCents}>
              <td className="mono">{a.code}</td>
              <td>{a.name ?? '—'}</td>
              <td>{t(`category.${a.category}`)}</td>
              <td>{money(a.amountCents)}</td>
              <td>{money(a.remainingCents)}</td>
              <td>{formatDate(a.issuedAt, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void exportMonth()}>
        {t('avoir.export')}
      </button>
    </section>
  );
}
