// Whose payment, what, how much and when, and who took it: said before the void's two buttons.
import { useTranslation } from 'react-i18next';
import type { JournalDebitRow } from '../../../preload/contract';
import { formatCents } from '../format/money';
import { formatDateTime } from '../format/dates';

interface Props {
  row: JournalDebitRow;
  /** The amount as the void's button says it, word for word. */
  amount: string;
  cashierName: string;
}

export function VoidSummary({ row, amount, cashierName }: Props) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  return (
    <dl className="void-summary">
      <dt>{t('voidDialog.holder')}</dt>
      <dd className="void-holder">{row.holderName ?? t('voidDialog.holderUnknown')}</dd>
      <dt>{t('voidDialog.what')}</dt>
      <dd>
        {t(`category.${row.category}`)} — {t(`item.${row.item}`)}
      </dd>
      <dt>{t('voidDialog.amount')}</dt>
      <dd className="void-amount">{t('voidDialog.amountLine', { amount, price: money(row.priceCents) })}</dd>
      <dt>{t('voidDialog.when')}</dt>
      <dd>{formatDateTime(row.occurredAt, i18n.language)}</dd>
      <dt>{t('voidDialog.cashier')}</dt>
      <dd>{cashierName}</dd>
    </dl>
  );
}
