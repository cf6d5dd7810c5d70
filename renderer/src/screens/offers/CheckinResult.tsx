// The last check-in at the door: who was let in (or is waiting for the Region), or why they were not.
import { useTranslation } from 'react-i18next';
import type { CheckinOutcome } from '../../../../preload/contract';
import { errorSentence } from '../../i18n';
import { participantName } from './participant-name';

export function CheckinResult({ last }: { last: CheckinOutcome | null }) {
  const { t } = useTranslation();
  if (!last) return null;
  if (last.status === 'refused')
    return (
      <div className="banner banner-refused" role="alert" data-code={last.code ?? 'INTERNAL'}>
        {last.holder
          ? t('names.checkinRefused', {
              name: `${last.holder.givenName} ${last.holder.familyName}`,
              reason: errorSentence(t, last.code ?? 'INTERNAL'),
            })
          : errorSentence(t, last.code ?? 'INTERNAL')}
      </div>
    );
  return (
    <p className="banner banner-ok" role="status" data-status={last.status}>
      {last.status === 'pending'
        ? t('offers.checkinPending')
        : t('offers.checkedIn', { name: last.participant ? participantName(last.participant) : '' })}
    </p>
  );
}
