// A day's accepted payments, each with its box to pick it for an avoir.
import { useTranslation } from 'react-i18next';
import type { JournalDebitRow } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { formatDateTime } from '../../format/dates';

interface Props {
  rows: readonly JournalDebitRow[];
  picked: ReadonlySet<string>;
  onToggle: (debitId: string) => void;
}

export function AvoirDebits({ rows, picked, onToggle }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <table className="table avoir-debits">
      <thead>
        <tr>
          <th scope="col">{t('avoir.pick')}</th>
          <th scope="col">{t('avoir.colName')}</th>
          <th scope="col">{t('avoir.colCategory')}</th>
          <th scope="col">{t('avoir.colAmount')}</th>
          <th scope="col">{t('avoir.colIssued')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.debitId} data-debit-id={row.debitId}>
            <td>
              <input
                type="checkbox"
                aria-label={`${t('avoir.pick')} ${row.holderName ?? row.debitId}`}
                checked={picked.has(row.debitId)}
                onChange={() => onToggle(row.debitId)}
              />
            </td>
            <td>{row.holderName ?? '—'}</td>
            <td>{t(`category.${row.category}`)}</td>
            <td>{formatCents(row.amountCents, i18n.language)}</td>
            <td>{formatDateTime(row.occurredAt, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
