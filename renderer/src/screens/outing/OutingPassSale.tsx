// One pass of the outing: its card and the Atouts part, proposed from its wallet. Enter takes the part; 0 or
// "Sans Atouts" sends the youth to the list settled otherwise. The parent mounts one per scan (keyed by it),
// so the part proposed for the previous youth never carries over.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutingView, PassCard } from '../../../../preload/contract';
import { PassCardView } from '../../components/PassCardView';
import { centsToInput, parseEuros } from '../../format/money';
import { proposedPartCents } from './outing-scan';
import { EurosInput } from '../../components/LabelledInput';

interface Props {
  card: PassCard;
  outing: OutingView;
  /** A call of the screen is running: the part cannot be sent twice. */
  busy: boolean;
  onPay: (amountCents: number) => void;
}

export function OutingPassSale({ card, outing, busy, onPay }: Props) {
  const { t } = useTranslation();
  const [part, setPart] = useState(() => centsToInput(proposedPartCents(card, outing)));
  const partRef = useRef<HTMLInputElement>(null);
  useEffect(() => partRef.current?.select(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = parseEuros(part);
    if (cents !== null) onPay(cents);
  }

  return (
    <div className="sale">
      <PassCardView card={card} />
      <form className="form" onSubmit={submit}>
        <EurosInput label={t('outing.part')} inputRef={partRef} name="part" value={part} onChange={setPart} />
        <p className="hint">{t('outing.partHint')}</p>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('outing.pay')}
          </button>
          <button type="button" disabled={busy} onClick={() => onPay(0)}>
            {t('outing.skip')}
          </button>
        </div>
      </form>
    </div>
  );
}
