import { useTranslation } from 'react-i18next';
import type { PassCard } from '../../../preload/contract';
import { formatCents } from '../format/money';

const frenchDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

export function PassCardView({ card }: { card: PassCard }) {
  const { t, i18n } = useTranslation();
  const b = card.beneficiary;
  return (
    <section className="pass-card" aria-label={`${b.givenName} ${b.familyName}`} data-source={card.source}>
      <h1 className="holder">
        {b.givenName} {b.familyName}
      </h1>
      <p className="born">{t('card.born', { date: frenchDate(b.birthDate), age: b.age })}</p>
      <p className="check-id" role="note">
        {t('card.checkId')}
      </p>
      <p>
        {t('card.season', { from: card.season, to: card.season + 1 })} —{' '}
        <span className={card.membership === 'active' ? 'ok' : 'ko'}>
          {card.membership === 'active' ? t('card.membershipActive') : t('card.membershipInactive')}
        </span>
      </p>
      {card.source === 'offline' && <p className="offline-note">{t('card.offline')}</p>}
      {card.wallets.length === 0 ? (
        <p className="ko">{t('card.noWallet')}</p>
      ) : (
        <ul className="wallets">
          {card.wallets.map((w) => (
            <li key={w.wallet} data-wallet={w.wallet}>
              <span>{t(`wallet.${w.wallet}`)}</span>{' '}
              <strong>{formatCents(w.balanceCents, i18n.language)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
