// The category picker of a sale, an outing, a tariff and the journal's filter: the partner's accreditations,
// in the UI's words; the filter also offers every category at once (the empty value).
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../protocol/catalogue';

/** `V` is Category, or Category | '' where `allLabel` offers the empty value. */
interface Props<V extends Category | ''> {
  label: string;
  categories: readonly Category[];
  value: V | undefined;
  onChange: (category: V) => void;
  /** The field's name in its form; a tariff row's fields have none. */
  name?: string;
  /** The words of an option above the categories that stands for all of them (value ''). */
  allLabel?: string;
  disabled?: boolean;
  selectRef?: Ref<HTMLSelectElement>;
}

export function CategorySelect<V extends Category | ''>(props: Props<V>) {
  const { label, categories, value, onChange, name, allLabel, disabled, selectRef } = props;
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select
        ref={selectRef}
        name={name}
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {categories.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
