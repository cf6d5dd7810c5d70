// The sale for one scanned pass: a tariff (number keys 1–9) or a typed price, the Atouts part the till
// proposes (as much as the wallet allows, up to the price), and the split the cashier reads out. The parent
// mounts one form per scan (keyed by the scan), so nothing of the previous youth's sale can carry over.
import { useLayoutEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { walletOf, type Category } from '../../../protocol/catalogue';
import type { DebitOutcome, PassCard, Tariff } from '../../../preload/contract';
import { useCall } from '../use-call';
import { formatCents } from '../format/money';
import { ErrorBanner } from './ErrorBanner';
import { ItemFields } from './ItemFields';
import { CategorySelect } from './CategorySelect';
import { TariffPicker } from './TariffPicker';
import { SplitLine } from './SplitLine';
import { useSale } from './use-sale';
import { useTariffKeys } from './use-tariff-keys';
import { useRefusalFocus } from './use-refusal-focus';
import { EurosInput } from './LabelledInput';

interface Props {
  card: PassCard;
  accreditations: readonly Category[];
  tariffs: readonly Tariff[];
  onCancel: () => void;
  onDone: (outcome: DebitOutcome) => void;
}

export function DebitForm({ card, accreditations, tariffs, onCancel, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const sale = useSale(card, accreditations, tariffs);
  const { category, usable, priceCents, part, check } = sale;
  const { busy, error, setError, run } = useCall();
  const amountRef = useRef<HTMLInputElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const tariffsRef = useRef<HTMLDivElement>(null);
  const refuse = useRefusalFocus(
    { error, setError },
    { amount: amountRef, category: categoryRef, price: sale.itemFields.priceRef },
  );

  // After a scan, the focus is on the tariffs when there are some (the number keys pick one), else on the price;
  // set before the first paint, so a key pressed as soon as the card shows lands in the form.
  useLayoutEffect(() => {
    if (usable.length > 0) tariffsRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [usable.length]);

  const chooseTariff = (tariff: Tariff) => {
    sale.chooseTariff(tariff);
    setError(null);
    // The next Enter validates: the focus leaves the tariff buttons for Valider.
    submitRef.current?.focus();
  };
  useTariffKeys(usable, chooseTariff);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const amountCents = part.cents;
    if (!category || !sale.chosen || priceCents === null || amountCents === null)
      return refuse({ code: 'INPUT_INVALID' }, priceCents === null ? 'INPUT_INVALID' : 'AMOUNT_INVALID');
    if (check.problem) return refuse(check.problem, check.problem.code);
    const outcome = await run('debit.submit', {
      scanId: card.scanId,
      category,
      ...sale.chosen,
      priceCents,
      amountCents,
    });
    if (outcome) onDone(outcome);
  }

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  const money = (cents: number) => formatCents(cents, i18n.language);
  return (
    <form
      className="form sale-form"
      aria-label={t('debit.title')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
    >
      {usable.length > 0 && (
        <TariffPicker ref={tariffsRef} tariffs={usable} selectedId={sale.tariffId} onChoose={chooseTariff} />
      )}
      <div className="sale-fields">
        {sale.categories.length > 1 && (
          <CategorySelect
            label={t('debit.category')}
            name="category"
            categories={sale.categories}
            value={category}
            onChange={sale.chooseCategory}
            selectRef={categoryRef}
          />
        )}
        <ItemFields {...sale.itemFields} />
        <EurosInput
          label={t('debit.amount')}
          inputRef={amountRef}
          name="amount"
          value={part.text}
          aria-invalid={check.problem !== null}
          aria-describedby="sale-balance"
          onChange={part.type}
          required
        />
      </div>
      {category && (
        <p className="balance" id="sale-balance">
          {t('debit.balance', {
            wallet: t(`wallet.${walletOf(category)}`),
            balance: money(sale.balanceCents),
          })}
        </p>
      )}
      <SplitLine check={check} balanceCents={sale.balanceCents} hasTariffs={usable.length > 0} />
      <ErrorBanner error={error} />
      <div className="actions sale-actions">
        <button ref={submitRef} type="submit" className="primary big" disabled={busy} aria-busy={busy}>
          {busy ? t('debit.sending') : t('debit.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('debit.cancel')}
        </button>
      </div>
    </form>
  );
}
