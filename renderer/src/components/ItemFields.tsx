// The item, its number of sessions (a cycle needs at least five) and its discipline, and the price: the same three fields for a
// wallet debit and a coupon redemption, and their state (useItemFields).
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtDiscipline, Item } from '../../../protocol/catalogue';
import { DisciplineSelect } from './DisciplineSelect';
import { parseEuros } from '../format/money';
import { EurosInput } from './LabelledInput';

interface Props {
  items: readonly Item[];
  item: Item | undefined;
  onItem: (item: Item) => void;
  sessions: string;
  onSessions: (sessions: string) => void;
  discipline: ArtDiscipline | '';
  onDiscipline: (discipline: ArtDiscipline | '') => void;
  price: string;
  onPrice: (price: string) => void;
  priceRef: RefObject<HTMLInputElement | null>;
}

/**
 * The state behind ItemFields, the price field focused on arrival (unless the form offers tariffs first).
 * `chosen` is what the contract takes about the item (the sessions only for a cycle), null until an item is
 * picked.
 */
export function useItemFields(items: readonly Item[], opts: { focusPrice?: boolean } = {}) {
  const [item, setItem] = useState<Item | undefined>(items[0]);
  const [sessions, setSessions] = useState('5');
  // No default: the cashier says which practice the cycle teaches (DISCIPLINE_REQUIRED otherwise).
  const [discipline, setDiscipline] = useState<ArtDiscipline | ''>('');
  const [price, setPrice] = useState('');
  const priceRef = useRef<HTMLInputElement>(null);
  const focusPrice = opts.focusPrice ?? true;
  useEffect(() => {
    if (focusPrice) priceRef.current?.focus();
  }, [focusPrice]);
  const chosen = item
    ? {
        item,
        ...(item === 'CYCLE' ? { sessions: Number(sessions), ...(discipline ? { discipline } : {}) } : {}),
      }
    : null;
  const props: Props = {
    items,
    item,
    onItem: setItem,
    sessions,
    onSessions: setSessions,
    discipline,
    onDiscipline: setDiscipline,
    price,
    onPrice: setPrice,
    priceRef,
  };
  return { setItem, setSessions, setDiscipline, setPrice, chosen, priceCents: parseEuros(price), props };
}

export function ItemFields({
  items,
  item,
  onItem,
  sessions,
  onSessions,
  discipline,
  onDiscipline,
  price,
  onPrice,
  priceRef,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('debit.item')}
        <select name="item" value={item ?? ''} onChange={(e) => onItem(e.target.value as Item)}>
          {items.map((i) => (
            <option key={i} value={i}>
              {t(`item.${i}`)}
            </option>
          ))}
        </select>
      </label>
      {item === 'CYCLE' && (
        <label>
          {t('debit.sessions')}
          <input
            name="sessions"
            inputMode="numeric"
            value={sessions}
            onChange={(e) => onSessions(e.target.value)}
          />
        </label>
      )}
      {item === 'CYCLE' && <DisciplineSelect value={discipline} onChange={onDiscipline} required />}
      <EurosInput
        label={t('debit.price')}
        inputRef={priceRef}
        name="price"
        value={price}
        onChange={onPrice}
        required
      />
    </>
  );
}
