// Bons plans: pick one of the partner's offers, scan each participant's pass at the door, see who came.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinOutcome, OfferView, ParticipantView } from '../../../preload/contract';
import { useCall } from '../use-call';
import { useScanTarget, useShell } from '../shell/shell-context';
import { formatDateTime } from '../format/dates';
import { ErrorBanner } from '../components/ErrorBanner';
import { CheckinResult } from './offers/CheckinResult';
import { ParticipantColumns } from './offers/ParticipantColumns';
import { CodeInput } from '../components/LabelledInput';

export function OffersScreen() {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  const { error, load, run } = useCall();
  const [offers, setOffers] = useState<OfferView[] | null>(null);
  const [offerId, setOfferId] = useState('');
  const [participants, setParticipants] = useState<ParticipantView[]>([]);
  const [text, setText] = useState('');
  const [last, setLast] = useState<CheckinOutcome | null>(null);
  const scanInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load('offer.list', {}).then((list) => {
      if (!list) return;
      setOffers(list);
      setOfferId((id) => id || list[0]?.id || '');
    });
  }, [load]);

  const loadParticipants = useCallback(
    (id: string) => {
      if (!id) return;
      void load('offer.participants', { offerId: id }).then((list) => list && setParticipants(list));
    },
    [load],
  );
  useEffect(() => loadParticipants(offerId), [offerId, loadParticipants]);
  useEffect(() => scanInput.current?.focus(), [offerId]);

  const checkin = useCallback(
    async (scanned: string) => {
      if (!offerId || !scanned.trim()) return;
      const outcome = await run('offer.checkin', { offerId, text: scanned.trim() });
      setText('');
      if (!outcome) {
        shell.beep('refused');
        return setLast(null);
      }
      setLast(outcome);
      shell.beep(outcome.status === 'refused' ? 'refused' : 'accepted');
      loadParticipants(offerId);
      scanInput.current?.focus();
    },
    [run, shell, offerId, loadParticipants],
  );
  useScanTarget((scan) => void checkin(scan.text));

  const offer = offers?.find((o) => o.id === offerId);

  return (
    <main className="screen offers">
      <h1>{t('offers.title')}</h1>
      {offers && offers.length === 0 && <p>{t('offers.none')}</p>}
      {offers && offers.length > 0 && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void checkin(text);
          }}
        >
          <label>
            {t('offers.pick')}
            <select name="offer" value={offerId} onChange={(e) => setOfferId(e.target.value)}>
              {offers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
            </select>
          </label>
          {offer && (
            <p className="hint">
              {t(`offers.designation.${offer.designation}`)} —{' '}
              {t('offers.places', {
                places: offer.places,
                from: formatDateTime(offer.startsAt, i18n.language),
                to: formatDateTime(offer.endsAt, i18n.language),
              })}
            </p>
          )}
          <CodeInput
            label={t('offers.scan')}
            inputRef={scanInput}
            name="participant"
            value={text}
            onChange={setText}
          />
          <button type="submit" className="primary">
            {t('offers.checkin')}
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
      <CheckinResult last={last} />
      {offer && <ParticipantColumns participants={participants} />}
    </main>
  );
}
