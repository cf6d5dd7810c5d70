import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_RULES, walletOf, type Category, type Item } from '../../../protocol/catalogue';
import type { DebitOutcome, PassCard, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { centsToInput, formatCents, parseEuros } from '../format/money';
import { ErrorBanner } from './ErrorBanner';
import { ItemFields, useItemFields } from './ItemFields';

interface Props {
  card: PassCard;
  accreditations: readonly Category[];
  onCancel: () => void;
  onDone: (outcome: DebitOutcome) => void;
}

export function DebitForm({ card, accreditations, onCancel, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const categories = useMemo(
    () => card.wallets.flatMap((w) => w.categories).filter((c) => accreditations.includes(c)),
    [card, accreditations],
  );
  const [category, setCategory] = useState<Category | undefined>(categories[0]);
  const items: readonly Item[] = category ? CATEGORY_RULES[category].items : [];
  const { setItem, chosen, priceCents, props: itemFields } = useItemFields(items);
  const [amount, setAmount] = useState('');
  const [amountTouched, setAmountTouched] = useState(false);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  const balance = category
    ? (card.wallets.find((w) => w.wallet === walletOf(category))?.balanceCents ?? 0)
    : 0;
  const amountCents = parseEuros(amount);

  // A new category offers its own items: start from its first one.
  useEffect(() => setItem(category ? CATEGORY_RULES[category].items[0] : undefined), [category, setItem]);
  // The till proposes the largest amount the wallet allows, until the cashier types their own.
  useEffect(() => {
    if (!amountTouched && priceCents !== null) setAmount(centsToInput(Math.min(priceCents, balance)));
  }, [priceCents, balance, amountTouched]);

  const rest = priceCents !== null && amountCents !== null ? priceCents - amountCents : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!category || !chosen || priceCents === null || amountCents === null || busy) {
      setError({ code: 'INPUT_INVALID' });
      return;
    }
    setBusy(true);
    const result = await till.invoke('debit.submit', {
      scanId: card.scanId,
      category,
      ...chosen,
      priceCents,
      amountCents,
    });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  }

  return (
    <form
      className="form debit-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <label>
        {t('debit.category')}
        <select
          name="category"
          value={category ?? ''}
          onChange={(e) => setCategory(e.target.value as Category)}
        >
          {categories.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <ItemFields {...itemFields} />
      <label>
        {t('debit.amount')}
        <input
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => {
            setAmountTouched(true);
            setAmount(e.target.value);
          }}
          required
        />
      </label>
      {category && (
        <p className="balance">
          {t('debit.balance', {
            wallet: t(`wallet.${walletOf(category)}`),
            balance: formatCents(balance, i18n.language),
          })}
        </p>
      )}
      {rest !== null && amountCents !== null && (
        <p className="split" aria-live="polite">
          {t('debit.split', {
            amount: formatCents(amountCents, i18n.language),
            rest: formatCents(rest, i18n.language),
          })}
        </p>
      )}
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('debit.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('debit.cancel')}
        </button>
      </div>
    </form>
  );
}
