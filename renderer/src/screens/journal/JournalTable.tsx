// The journal's rows: one Tab stop for the whole list (use-row-focus.ts), Enter or a double click opens a
// row; the Ouvrir button is for the mouse.
import { useTranslation } from 'react-i18next';
import type { JournalDebitRow } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { formatDateTime } from '../../format/dates';
import type { RowFocus } from './use-row-focus';

interface Props {
  rows: readonly JournalDebitRow[];
  focus: RowFocus;
  staffName: (id: string | null) => string;
  onOpen: (row: JournalDebitRow) => void;
}

export function JournalTable({ rows, focus, staffName, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  const what = (row: JournalDebitRow) => `${t(`category.${row.category}`)} — ${t(`item.${row.item}`)}`;
  return (
    <table className="table journal-table" aria-label={t('journalList.rows', { count: rows.length })}>
      <thead>
        <tr>
          <th scope="col">{t('journal.colSeq')}</th>
          <th scope="col">{t('journal.colTime')}</th>
          <th scope="col">{t('journal.colHolder')}</th>
          <th scope="col">{t('journal.colItem')}</th>
          <th scope="col">{t('journal.colPrice')}</th>
          <th scope="col">{t('journal.colAmount')}</th>
          <th scope="col">{t('journal.colStatus')}</th>
          <th scope="col">{t('journal.cashier')}</th>
          <th scope="col">{t('journal.open')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr
            key={row.debitId}
            ref={(el) => {
              focus.rowRefs.current[i] = el;
            }}
            tabIndex={i === focus.current ? 0 : -1}
            aria-label={t('journalList.rowLabel', {
              seq: row.deviceSeq,
              holder: row.holderName ?? '—',
              item: what(row),
              amount: money(row.amountCents),
              status: t(`status.${row.status}`),
            })}
            onFocus={() => focus.setActive(i)}
            onKeyDown={(e) => focus.onRowKey(e, i, () => onOpen(row))}
            onDoubleClick={() => onOpen(row)}
            data-debit-id={row.debitId}
            data-status={row.status}
            data-mode={row.mode}
            className={row.mode === 'offline' ? 'journal-row offline-row' : 'journal-row'}
          >
            <td>{row.deviceSeq}</td>
            <td>{formatDateTime(row.occurredAt, i18n.language)}</td>
            <td>{row.holderName ?? '—'}</td>
            <td>
              {t(`category.${row.category}`)} — {t(`item.${row.item}`)}
              {row.kind === 'coupon' && <span className="tag">{t('journal.coupon')}</span>}
            </td>
            <td>{money(row.priceCents)}</td>
            <td>{money(row.amountCents)}</td>
            <td>
              {t(`status.${row.status}`)}
              {row.mode === 'offline' && <span className="tag offline-mark">{t('mode.offline')}</span>}
            </td>
            <td>{staffName(row.cashierId)}</td>
            <td>
              {/* Out of the Tab order: the row is the stop, Enter opens it; the button is for the mouse. */}
              <button
                type="button"
                className="small"
                tabIndex={-1}
                onClick={() => onOpen(row)}
                aria-label={`${t('journal.open')} ${row.deviceSeq}`}
              >
                {t('journal.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
