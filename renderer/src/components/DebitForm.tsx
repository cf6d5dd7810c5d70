// The sale for one scanned pass: a tariff (number keys 1–9) or a typed price, the Atouts part the till
// proposes (as much as the wallet allows, up to the price), and the split the cashier reads out. The parent
// mounts one form per scan (keyed by the scan), so nothing of the previous youth's sale can carry over.
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_RULES, walletOf, type Category } from '../../../protocol/catalogue';
import type { DebitOutcome, ErrorCode, PassCard, Tariff, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { centsToInput, formatCents, parseEuros } from '../format/money';
import { ErrorBanner } from './ErrorBanner';
import { ItemFields, useItemFields } from './ItemFields';
import { CategorySelect } from './CategorySelect';
import { TariffPicker, tariffForKey } from './TariffPicker';
import { saleCheck } from './sale-check';

interface Props {
  card: PassCard;
  accreditations: readonly Category[];
  tariffs: readonly Tariff[];
  onCancel: () => void;
  onDone: (outcome: DebitOutcome) => void;
}

/** Which field a refusal sends the cashier back to. */
const FIELD_FOR_CODE: Partial<Record<ErrorCode, 'amount' | 'item' | 'category' | 'price'>> = {
  INSUFFICIENT_BALANCE: 'amount',
  AMOUNT_INVALID: 'amount',
  OFFLINE_LIMIT_EXCEEDED: 'amount',
  ITEM_NOT_ELIGIBLE: 'item',
  NOT_ACCREDITED: 'category',
  INPUT_INVALID: 'price',
};

export function DebitForm({ card, accreditations, tariffs, onCancel, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const categories = useMemo(
    () => card.wallets.flatMap((w) => w.categories).filter((c) => accreditations.includes(c)),
    [card, accreditations],
  );
  const usable = useMemo(
    () => tariffs.filter((tariff) => categories.includes(tariff.category)),
    [tariffs, categories],
  );
  const [category, setCategory] = useState<Category | undefined>(categories[0]);
  const fields = useItemFields(category ? CATEGORY_RULES[category].items : [], {
    focusPrice: usable.length === 0,
  });
  const [amount, setAmount] = useState('');
  const [amountTouched, setAmountTouched] = useState(false);
  const [tariffId, setTariffId] = useState<string | null>(null);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const tariffsRef = useRef<HTMLDivElement>(null);

  const balance = category
    ? (card.wallets.find((w) => w.wallet === walletOf(category))?.balanceCents ?? 0)
    : 0;
  const priceCents = fields.priceCents;
  // The till proposes the largest part the wallet allows, until the cashier types their own: derived at each
  // render, so an Enter pressed right after the tariff key already sees it.
  const amountText = amountTouched
    ? amount
    : priceCents !== null
      ? centsToInput(Math.min(priceCents, balance))
      : '';
  const amountCents = parseEuros(amountText);
  const check = saleCheck({ priceCents, amountCents, balanceCents: balance });

  // After a scan, the focus is on the tariffs when there are some (the number keys pick one), else on the price;
  // set before the first paint, so a key pressed as soon as the card shows lands in the form.
  useLayoutEffect(() => {
    if (usable.length > 0) tariffsRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [usable.length]);

  const chooseCategory = (next: Category) => {
    setCategory(next);
    fields.setItem(CATEGORY_RULES[next].items[0]);
    setTariffId(null);
  };

  const chooseTariff = (tariff: Tariff) => {
    setCategory(tariff.category);
    fields.setItem(tariff.item);
    if (tariff.sessions !== undefined) fields.setSessions(String(tariff.sessions));
    fields.setDiscipline(tariff.discipline ?? '');
    fields.setPrice(centsToInput(tariff.priceCents));
    setAmountTouched(false);
    setTariffId(tariff.id);
    setError(null);
    // The next Enter validates: the focus leaves the tariff buttons for Valider.
    submitRef.current?.focus();
  };

  const focusField = (code: ErrorCode) => {
    const field = FIELD_FOR_CODE[code];
    const target =
      field === 'amount'
        ? amountRef.current
        : field === 'category'
          ? categoryRef.current
          : field === 'price'
            ? fields.props.priceRef.current
            : null;
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!category || !fields.chosen || priceCents === null || amountCents === null) {
      setError({ code: 'INPUT_INVALID' });
      focusField(priceCents === null ? 'INPUT_INVALID' : 'AMOUNT_INVALID');
      return;
    }
    if (check.problem) {
      setError(check.problem);
      focusField(check.problem.code);
      return;
    }
    setBusy(true);
    const result = await till.invoke('debit.submit', {
      scanId: card.scanId,
      category,
      ...fields.chosen,
      priceCents,
      amountCents,
    });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else {
      setError(result.error);
      focusField(result.error.code);
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  // Number keys pick a tariff wherever the focus is (the page, a button, the form), except in a field that
  // takes digits: the cashier's key must not depend on where the last screen left the focus.
  const choose = useRef(chooseTariff);
  choose.current = chooseTariff;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement;
      const tariff =
        typing || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented
          ? undefined
          : tariffForKey(usable, e.key);
      if (tariff) {
        e.preventDefault();
        choose.current(tariff);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [usable]);

  const money = (cents: number) => formatCents(cents, i18n.language);
  return (
    <form
      className="form sale-form"
      aria-label={t('debit.title')}
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
    >
      {usable.length > 0 && (
        <TariffPicker ref={tariffsRef} tariffs={usable} selectedId={tariffId} onChoose={chooseTariff} />
      )}
      <div className="sale-fields">
        {categories.length > 1 && (
          <CategorySelect
            label={t('debit.category')}
            categories={categories}
            value={category}
            onChange={chooseCategory}
            selectRef={categoryRef}
          />
        )}
        <ItemFields
          {...fields.props}
          onItem={(item) => {
            fields.props.onItem(item);
            setTariffId(null);
          }}
          onPrice={(price) => {
            fields.props.onPrice(price);
            setTariffId(null);
          }}
        />
        <label>
          {t('debit.amount')}
          <input
            ref={amountRef}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            aria-invalid={check.problem !== null}
            aria-describedby="sale-balance"
            onChange={(e) => {
              setAmountTouched(true);
              setAmount(e.target.value);
            }}
            required
          />
        </label>
      </div>
      {category && (
        <p className="balance" id="sale-balance">
          {t('debit.balance', { wallet: t(`wallet.${walletOf(category)}`), balance: money(balance) })}
        </p>
      )}
      <div className={`split-line${check.problem ? ' split-problem' : ''}`} aria-live="polite" data-split>
        {check.problem ? (
          <p className="split-warning" role="alert" data-warning={check.problem.code}>
            <span aria-hidden="true">⚠ </span>
            {check.problem.code === 'INSUFFICIENT_BALANCE'
              ? t('debit.overBalance', { balance: money(balance) })
              : t('debit.overPrice')}
          </p>
        ) : check.split ? (
          <p className="split">
            {t('debit.split', { amount: money(check.split.atoutsCents), rest: money(check.split.restCents) })}
          </p>
        ) : (
          <p className="split split-empty">
            {t(usable.length > 0 ? 'debit.chooseTariff' : 'debit.typePrice')}
          </p>
        )}
      </div>
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
