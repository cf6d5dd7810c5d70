// Who came to the offer, and who registered (or won a place) but has not come yet.
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../../../preload/contract';
import { participantName } from './participant-name';

export function ParticipantColumns({ participants }: { participants: readonly ParticipantView[] }) {
  const { t } = useTranslation();
  const came = participants.filter((p) => p.status === 'checked_in');
  const notCame = participants.filter((p) => p.status === 'registered' || p.status === 'winner');
  return (
    <div className="columns">
      <section aria-labelledby="came-title">
        <h2 id="came-title">{t('offers.came', { count: came.length })}</h2>
        <ul className="people came">
          {came.map((p) => (
            <li key={p.beneficiaryId}>{participantName(p)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="not-came-title">
        <h2 id="not-came-title">{t('offers.notCame', { count: notCame.length })}</h2>
        <ul className="people not-came">
          {notCame.map((p) => (
            <li key={p.beneficiaryId}>
              {participantName(p)} <span className="hint">({t(`offers.participant.${p.status}`)})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
