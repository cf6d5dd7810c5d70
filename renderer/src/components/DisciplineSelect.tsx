// A cycle's artistic discipline (regulation 3.2.1), chosen from the six the Region funds; empty until chosen.
import { useTranslation } from 'react-i18next';
import { ART_DISCIPLINES, type ArtDiscipline } from '../../../protocol/catalogue';

interface Props {
  value: ArtDiscipline | '';
  onChange: (discipline: ArtDiscipline | '') => void;
  disabled?: boolean;
  required?: boolean;
}

export function DisciplineSelect({ value, onChange, disabled = false, required = false }: Props) {
  const { t } = useTranslation();
  return (
    <label>
      {t('discipline.label')}
      <select
        name="discipline"
        value={value}
        disabled={disabled}
        required={required}
        onChange={(e) => onChange(e.target.value as ArtDiscipline | '')}
      >
        <option value="">{t('discipline.choose')}</option>
        {ART_DISCIPLINES.map((d) => (
          <option key={d} value={d}>
            {t(`discipline.${d}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
