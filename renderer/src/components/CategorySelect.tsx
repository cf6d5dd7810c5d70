// The category picker of a sale or an outing: the partner's accreditations, in the UI's words.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../protocol/catalogue';

interface Props {
  label: string;
  categories: readonly Category[];
  value: Category | undefined;
  onChange: (category: Category) => void;
  selectRef?: Ref<HTMLSelectElement>;
}

export function CategorySelect({ label, categories, value, onChange, selectRef }: Props) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select
        ref={selectRef}
        name="category"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value as Category)}
      >
        {categories.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
