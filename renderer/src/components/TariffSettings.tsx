// Réglages → Tarifs: the manager sets the partner's usual prices once (Plein 9,50 €, Réduit 7,00 €…), in the
// order of the counter's number keys. Only items the category allows are offered.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORY_RULES,
  MIN_CYCLE_SESSIONS,
  type ArtDiscipline,
  type Category,
  type Item,
} from '../../../protocol/catalogue';
import { DisciplineSelect } from './DisciplineSelect';
import type { Tariff, TillErrorValue } from '../../../preload/contract';
import { MAX_TARIFFS } from '../../../preload/contract/tariff';
import { useTill } from '../till-context';
import { centsToInput, parseEuros } from '../format/money';
import { ErrorBanner } from './ErrorBanner';

interface Row {
  id: string;
  label: string;
  category: Category;
  item: Item;
  sessions: string;
  discipline: ArtDiscipline | '';
  price: string;
}

/** Every category offers at least one item; the first is the natural default. */
const firstItem = (category: Category): Item => CATEGORY_RULES[category].items[0] ?? 'PLACE';

const toRow = (t: Tariff): Row => ({
  id: t.id,
  label: t.label,
  category: t.category,
  item: t.item,
  sessions: String(t.sessions ?? MIN_CYCLE_SESSIONS),
  discipline: t.discipline ?? '',
  price: centsToInput(t.priceCents),
});

/** A row as the contract takes it; null while a field is not a valid value yet. */
function toTariff(row: Row): Tariff | null {
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

export function TariffSettings({
  accreditations,
  editable,
}: {
  accreditations: readonly Category[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const till = useTill();
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void till.invoke('tariff.list', {}).then((r) => (r.ok ? setRows(r.value.map(toRow)) : setError(r.error)));
  }, [till]);

  const update = (index: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };
  const add = () => {
    const category = accreditations[0];
    if (!category) return;
    setSaved(false);
    setRows((all) => [
      ...all,
      {
        id: newId(),
        label: '',
        category,
        item: firstItem(category),
        sessions: String(MIN_CYCLE_SESSIONS),
        discipline: '',
        price: '',
      },
    ]);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const tariffs = rows.map(toTariff);
    if (tariffs.some((x) => x === null)) return setError({ code: 'INPUT_INVALID' });
    const r = await till.invoke('tariff.set', { tariffs: tariffs as Tariff[] });
    if (!r.ok) return setError(r.error);
    setError(null);
    setRows(r.value.map(toRow));
    setSaved(true);
  }

  return (
    <form className="form tariff-settings" aria-labelledby="tariffs-title" onSubmit={(e) => void save(e)}>
      <h2 id="tariffs-title">{t('tariffSettings.title')}</h2>
      <p className="hint">{t('tariffSettings.help')}</p>
      {rows.length === 0 && <p>{t('tariffSettings.none')}</p>}
      <ol className="tariff-rows">
        {rows.map((row, i) => (
          <li key={row.id} className="tariff-row">
            <label>
              {t('tariffSettings.label', { key: i + 1 })}
              <input
                value={row.label}
                maxLength={40}
                disabled={!editable}
                onChange={(e) => update(i, { label: e.target.value })}
              />
            </label>
            <label>
              {t('debit.category')}
              <select
                value={row.category}
                disabled={!editable}
                onChange={(e) => {
                  const category = e.target.value as Category;
                  update(i, { category, item: firstItem(category) });
                }}
              >
                {accreditations.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('debit.item')}
              <select
                value={row.item}
                disabled={!editable}
                onChange={(e) => update(i, { item: e.target.value as Item })}
              >
                {CATEGORY_RULES[row.category].items.map((item) => (
                  <option key={item} value={item}>
                    {t(`item.${item}`)}
                  </option>
                ))}
              </select>
            </label>
            {row.item === 'CYCLE' && (
              <label>
                {t('debit.sessions')}
                <input
                  inputMode="numeric"
                  value={row.sessions}
                  disabled={!editable}
                  onChange={(e) => update(i, { sessions: e.target.value })}
                />
              </label>
            )}
            {row.item === 'CYCLE' && (
              <DisciplineSelect
                value={row.discipline}
                disabled={!editable}
                onChange={(discipline) => update(i, { discipline })}
              />
            )}
            <label>
              {t('debit.price')}
              <input
                inputMode="decimal"
                autoComplete="off"
                value={row.price}
                disabled={!editable}
                onChange={(e) => update(i, { price: e.target.value })}
              />
            </label>
            {editable && (
              <button
                type="button"
                className="small"
                onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
              >
                {t('tariffSettings.remove', { label: row.label || i + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <ErrorBanner error={error} />
      {saved && (
        <p className="banner banner-ok" role="status">
          {t('tariffSettings.saved')}
        </p>
      )}
      {editable && (
        <div className="actions">
          <button
            type="button"
            onClick={add}
            disabled={rows.length >= MAX_TARIFFS || accreditations.length === 0}
          >
            {t('tariffSettings.add')}
          </button>
          <button type="submit" className="primary">
            {t('tariffSettings.save')}
          </button>
        </div>
      )}
    </form>
  );
}
