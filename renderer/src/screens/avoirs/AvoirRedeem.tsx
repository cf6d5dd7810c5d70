// At the counter: an avoir found by its code, then used in whole or in part.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvoirView } from '../../../../preload/contract';
import type { TillCall } from '../../use-call';
import { formatCents, parseEuros } from '../../format/money';
import { CodeInput, EurosInput } from '../../components/LabelledInput';

interface Props {
  /** The avoirs screen's calls: a refusal shows in its banner. */
  call: TillCall;
  onDone: () => void;
}

export function AvoirRedeem({ call, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [avoir, setAvoir] = useState<AvoirView | null>(null);
  const [amount, setAmount] = useState('');
  const money = (c: number) => formatCents(c, i18n.language);

  async function find(event: FormEvent) {
    event.preventDefault();
    const found = await call.run('avoir.get', { code });
    if (!found) return;
    setAvoir(found);
    setAmount('');
  }

  async function redeem(event: FormEvent) {
    event.preventDefault();
    const cents = parseEuros(amount);
    if (!avoir || cents === null) return;
    const left = await call.run('avoir.redeem', { code: avoir.code, amountCents: cents });
    if (!left) return;
    setAvoir(left);
    setAmount('');
    onDone();
  }

  return (
    <section className="form no-print" aria-labelledby="avoir-redeem">
      <h2 id="avoir-redeem">{t('avoir.redeemTitle')}</h2>
      <form onSubmit={(e) => void find(e)} className="actions">
        <CodeInput
          label={t('avoir.code')}
          name="avoir-code"
          value={code}
          onChange={setCode}
          placeholder="AV-XXXX-XXXX"
        />
        <button type="submit">{t('avoir.find')}</button>
      </form>
      {avoir && (
        <form
          onSubmit={(e) => void redeem(e)}
          className="actions"
          data-avoir={avoir.code}
          data-remaining={avoir.remainingCents}
        >
          <p role="status">
            {avoir.code} — {avoir.name ?? ''} — {t(`category.${avoir.category}`)} —{' '}
            {t('avoir.remaining', { amount: money(avoir.remainingCents), total: money(avoir.amountCents) })}
          </p>
          <EurosInput label={t('avoir.amount')} name="avoir-amount" value={amount} onChange={setAmount} />
          <button type="submit" className="primary" disabled={avoir.remainingCents === 0}>
            {t('avoir.redeem')}
          </button>
        </form>
      )}
    </section>
  );
}
