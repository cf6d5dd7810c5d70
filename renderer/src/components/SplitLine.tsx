// The line the cashier reads out before Valider: the Atouts part and the rest, or why the part cannot be
// taken (the maximum named), or what to do first.
import { useTranslation } from 'react-i18next';
import { formatCents } from '../format/money';
import type { SaleCheck } from './sale-check';

interface Props {
  check: SaleCheck;
  balanceCents: number;
  /** Whether the form offers tariffs: the hint says to pick one rather than to type a price. */
  hasTariffs: boolean;
}

export function SplitLine({ check, balanceCents, hasTariffs }: Props) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatCents(cents, i18n.language);
  return (
    <div className={`split-line${check.problem ? ' split-problem' : ''}`} aria-live="polite" data-split>
      {check.problem ? (
        <p className="split-warning" role="alert" data-warning={check.problem.code}>
          <span aria-hidden="true">⚠ </span>
          {check.problem.code === 'INSUFFICIENT_BALANCE'
            ? t('debit.overBalance', { balance: money(balanceCents) })
            : t('debit.overPrice')}
        </p>
      ) : check.split ? (
        <p className="split">
          {t('debit.split', { amount: money(check.split.atoutsCents), rest: money(check.split.restCents) })}
        </p>
      ) : (
        <p className="split split-empty">{t(hasTariffs ? 'debit.chooseTariff' : 'debit.typePrice')}</p>
      )}
    </div>
  );
}
