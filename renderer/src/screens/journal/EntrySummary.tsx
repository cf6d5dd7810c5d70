// An entry as the partner reads it: who, what, how much, when, by whom, its state, and its void if any.
import { useTranslation } from 'react-i18next';
import type { JournalDebitRow } from '../../../../preload/contract';
import { formatCents } from '../../format/money';
import { formatDateTime } from '../../format/dates';

interface Props {
  row: JournalDebitRow;
  cashierName: string;
  nameOf: (staffId: string | null) => string;
}

export function EntrySummary({ row, cashierName, nameOf }: Props) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  return (
    <dl className="entry entry-summary">
      <dt>{t('voidDialog.holder')}</dt>
      <dd>{row.holderName ?? t('voidDialog.holderUnknown')}</dd>
      <dt>{t('voidDialog.what')}</dt>
      <dd>
        {t(`category.${row.category}`)} — {t(`item.${row.item}`)}
      </dd>
      <dt>{t('voidDialog.amount')}</dt>
      <dd>{t('voidDialog.amountLine', { amount: money(row.amountCents), price: money(row.priceCents) })}</dd>
      <dt>{t('voidDialog.when')}</dt>
      <dd>{formatDateTime(row.occurredAt, i18n.language)}</dd>
      <dt>{t('voidDialog.cashier')}</dt>
      <dd>{cashierName}</dd>
      <dt>{t('journal.colStatus')}</dt>
      <dd>
        {t(`status.${row.status}`)} — {t(`mode.${row.mode}`)} —{' '}
        {row.regionConfirmed ? t('journal.confirmed') : t('journal.notConfirmed')}
      </dd>
      {row.voidRequest && (
        <>
          <dt>{t('voidDialog.voidTitle')}</dt>
          <dd className="void-request">
            {t(row.voidRequest.authorisedBy ? 'voidDialog.voidLineAuthorised' : 'voidDialog.voidLine', {
              by: nameOf(row.voidRequest.cashierId),
              manager: nameOf(row.voidRequest.authorisedBy),
              at: formatDateTime(row.voidRequest.at, i18n.language),
              reason: t(`voidReason.${row.voidRequest.reason}`, {
                defaultValue: row.voidRequest.reason,
              }),
            })}
          </dd>
        </>
      )}
    </dl>
  );
}
