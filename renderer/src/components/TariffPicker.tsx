// The partner's usual prices as big buttons, each with its number key: the standard sale is scan → 1 → Enter.
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tariff } from '../../../preload/contract';
import { formatCents } from '../format/money';

/** The tariff a number key picks (1 is the first), if any. */
export function tariffForKey(tariffs: readonly Tariff[], key: string): Tariff | undefined {
  return /^[1-9]$/.test(key) ? tariffs[Number(key) - 1] : undefined;
}

interface Props {
  tariffs: readonly Tariff[];
  selectedId: string | null;
  onChoose: (tariff: Tariff) => void;
}

export const TariffPicker = forwardRef<HTMLDivElement, Props>(function TariffPicker(
  { tariffs, selectedId, onChoose },
  ref,
) {
  const { t, i18n } = useTranslation();
  return (
    <div ref={ref} className="tariffs" role="group" aria-label={t('tariff.group')}>
      {tariffs.slice(0, 9).map((tariff, i) => (
        <button
          key={tariff.id}
          type="button"
          className="tariff"
          aria-pressed={tariff.id === selectedId}
          aria-keyshortcuts={String(i + 1)}
          data-tariff={tariff.id}
          onClick={() => onChoose(tariff)}
        >
          <kbd>{i + 1}</kbd>
          <span className="tariff-label">{tariff.label}</span>
          <strong>{formatCents(tariff.priceCents, i18n.language)}</strong>
        </button>
      ))}
    </div>
  );
});
