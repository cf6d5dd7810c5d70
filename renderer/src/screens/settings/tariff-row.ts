// A tariff as the settings form edits it: every field as typed, turned into the contract's Tariff on save.
import {
  CATEGORY_RULES,
  MIN_CYCLE_SESSIONS,
  type ArtDiscipline,
  type Category,
  type Item,
} from '../../../../protocol/catalogue';
import type { Tariff } from '../../../../preload/contract';
import { centsToInput, parseEuros } from '../../format/money';

export interface TariffRow {
  id: string;
  label: string;
  category: Category;
  item: Item;
  sessions: string;
  discipline: ArtDiscipline | '';
  price: string;
}

/** Every category offers at least one item; the first is the natural default. */
export const firstItem = (category: Category): Item => CATEGORY_RULES[category].items[0] ?? 'PLACE';

export const toRow = (t: Tariff): TariffRow => ({
  id: t.id,
  label: t.label,
  category: t.category,
  item: t.item,
  sessions: String(t.sessions ?? MIN_CYCLE_SESSIONS),
  discipline: t.discipline ?? '',
  price: centsToInput(t.priceCents),
});

/** A row as the contract takes it; null while a field is not a valid value yet. */
export function toTariff(row: TariffRow): Tariff | null {
  const priceCents = parseEuros(row.price);
  const sessions = Number(row.sessions);
  if (priceCents === null || priceCents <= 0 || row.label.trim() === '') return null;
  if (row.item === 'CYCLE' && !(Number.isInteger(sessions) && sessions >= MIN_CYCLE_SESSIONS)) return null;
  return {
    id: row.id,
    label: row.label.trim(),
    category: row.category,
    item: row.item,
    ...(row.item === 'CYCLE' ? { sessions, ...(row.discipline ? { discipline: row.discipline } : {}) } : {}),
    priceCents,
  };
}

let rowCounter = 0;
const newId = () => `t${Date.now().toString(36)}${(rowCounter++).toString(36)}`;

/** A new, empty tariff in the given category, with an id of its own (the contract's key for it). */
export const blankRow = (category: Category): TariffRow => ({
  id: newId(),
  label: '',
  category,
  item: firstItem(category),
  sessions: String(MIN_CYCLE_SESSIONS),
  discipline: '',
  price: '',
});
