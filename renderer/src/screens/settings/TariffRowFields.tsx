// One tariff of the list: its label (the counter's number key i + 1), category, item, the cycle's sessions
// and discipline, its price; a manager may remove it.
import { useTranslation } from 'react-i18next';
import { CATEGORY_RULES, type Category, type Item } from '../../../../protocol/catalogue';
import { CategorySelect } from '../../components/CategorySelect';
import { DisciplineSelect } from '../../components/DisciplineSelect';
import { firstItem, type TariffRow } from './tariff-row';
import { EurosInput } from '../../components/LabelledInput';

interface Props {
  row: TariffRow;
  index: number;
  accreditations: readonly Category[];
  editable: boolean;
  onChange: (patch: Partial<TariffRow>) => void;
  onRemove: () => void;
}

export function TariffRowFields({ row, index, accreditations, editable, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <li className="tariff-row">
      <label>
        {t('tariffSettings.label', { key: index + 1 })}
        <input
          value={row.label}
          maxLength={40}
          disabled={!editable}
          onChange={(e) => onChange({ label: e.target.value })}
        />
      </label>
      <CategorySelect
        label={t('debit.category')}
        categories={accreditations}
        value={row.category}
        disabled={!editable}
        onChange={(category) => onChange({ category, item: firstItem(category) })}
      />
      <label>
        {t('debit.item')}
        <select
          value={row.item}
          disabled={!editable}
          onChange={(e) => onChange({ item: e.target.value as Item })}
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
            onChange={(e) => onChange({ sessions: e.target.value })}
          />
        </label>
      )}
      {row.item === 'CYCLE' && (
        <DisciplineSelect
          value={row.discipline}
          disabled={!editable}
          onChange={(discipline) => onChange({ discipline })}
        />
      )}
      <EurosInput
        label={t('debit.price')}
        value={row.price}
        disabled={!editable}
        onChange={(price) => onChange({ price })}
      />
      {editable && (
        <button type="button" className="small" onClick={onRemove}>
          {t('tariffSettings.remove', { label: row.label || index + 1 })}
        </button>
      )}
    </li>
  );
}
