// Réglages → Tarifs: the manager sets the partner's usual prices once (Plein 9,50 €, Réduit 7,00 €…), in the
// order of the counter's number keys. Only items the category allows are offered.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../protocol/catalogue';
import type { Tariff } from '../../../../preload/contract';
import { MAX_TARIFFS } from '../../../../preload/contract/tariff';
import { useCall } from '../../use-call';
import { ErrorBanner } from '../../components/ErrorBanner';
import { blankRow, toRow, toTariff, type TariffRow } from './tariff-row';
import { TariffRowFields } from './TariffRowFields';

export function TariffSettings({
  accreditations,
  editable,
}: {
  accreditations: readonly Category[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { error, setError, load, run } = useCall();
  const [rows, setRows] = useState<TariffRow[]>([]);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void load('tariff.list', {}).then((tariffs) => tariffs && setRows(tariffs.map(toRow)));
  }, [load]);

  const update = (index: number, patch: Partial<TariffRow>) => {
    setSaved(false);
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };
  const add = () => {
    const category = accreditations[0];
    if (!category) return;
    setSaved(false);
    setRows((all) => [...all, blankRow(category)]);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const tariffs = rows.map(toTariff);
    if (tariffs.some((x) => x === null)) return setError({ code: 'INPUT_INVALID' });
    const stored = await run('tariff.set', { tariffs: tariffs as Tariff[] });
    if (!stored) return;
    setRows(stored.map(toRow));
    setSaved(true);
  }

  return (
    <form className="form tariff-settings" aria-labelledby="tariffs-title" onSubmit={(e) => void save(e)}>
      <h2 id="tariffs-title">{t('tariffSettings.title')}</h2>
      <p className="hint">{t('tariffSettings.help')}</p>
      {rows.length === 0 && <p>{t('tariffSettings.none')}</p>}
      <ol className="tariff-rows">
        {rows.map((row, i) => (
          <TariffRowFields
            key={row.id}
            row={row}
            index={i}
            accreditations={accreditations}
            editable={editable}
            onChange={(patch) => update(i, patch)}
            onRemove={() => setRows((all) => all.filter((_, j) => j !== i))}
          />
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
