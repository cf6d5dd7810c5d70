// Bons plans: pick one of the partner's offers, scan each participant's pass at the door, see who came.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinOutcome, OfferView, ParticipantView, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useScanTarget, useShell } from '../shell/shell-context';
import { formatDateTime } from '../format/dates';
import { ErrorBanner } from '../components/ErrorBanner';
import { errorSentence } from '../i18n';

export function OffersScreen() {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const shell = useShell();
  const [offers, setOffers] = useState<OfferView[] | null>(null);
  const [offerId, setOfferId] = useState('');
  const [participants, setParticipants] = useState<ParticipantView[]>([]);
  const [text, setText] = useState('');
  const [last, setLast] = useState<CheckinOutcome | null>(null);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const scanInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void till.invoke('offer.list', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setOffers(r.value);
      setOfferId((id) => id || r.value[0]?.id || '');
    });
  }, [till]);

  const loadParticipants = useCallback(
    (id: string) => {
      if (!id) return;
      void till
        .invoke('offer.participants', { offerId: id })
        .then((r) => (r.ok ? setParticipants(r.value) : setError(r.error)));
    },
    [till],
  );
  useEffect(() => loadParticipants(offerId), [offerId, loadParticipants]);
  useEffect(() => scanInput.current?.focus(), [offerId]);

  const checkin = useCallback(
    async (scanned: string) => {
      if (!offerId || !scanned.trim()) return;
      setError(null);
      const r = await till.invoke('offer.checkin', { offerId, text: scanned.trim() });
      setText('');
      if (!r.ok) {
        shell.beep('refused');
        setLast(null);
        return setError(r.error);
      }
      setLast(r.value);
      shell.beep(r.value.status === 'refused' ? 'refused' : 'accepted');
      loadParticipants(offerId);
      scanInput.current?.focus();
    },
    [till, shell, offerId, loadParticipants],
  );
  useScanTarget((scan) => void checkin(scan.text));

  const offer = offers?.find((o) => o.id === offerId);
  const came = participants.filter((p) => p.status === 'checked_in');
  const notCame = participants.filter((p) => p.status === 'registered' || p.status === 'winner');
  const name = (p: ParticipantView) => `${p.givenName} ${p.familyName}`;

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
          <label>
            {t('offers.scan')}
            <input
              ref={scanInput}
              name="participant"
              autoComplete="off"
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <button type="submit" className="primary">
            {t('offers.checkin')}
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
      {last?.status === 'refused' && (
        <div className="banner banner-refused" role="alert" data-code={last.code ?? 'INTERNAL'}>
          {last.holder
            ? t('names.checkinRefused', {
                name: `${last.holder.givenName} ${last.holder.familyName}`,
                reason: errorSentence(t, last.code ?? 'INTERNAL'),
              })
            : errorSentence(t, last.code ?? 'INTERNAL')}
        </div>
      )}
      {last && last.status !== 'refused' && (
        <p className="banner banner-ok" role="status" data-status={last.status}>
          {last.status === 'pending'
            ? t('offers.checkinPending')
            : t('offers.checkedIn', { name: last.participant ? name(last.participant) : '' })}
        </p>
      )}
      {offer && (
        <div className="columns">
          <section aria-labelledby="came-title">
            <h2 id="came-title">{t('offers.came', { count: came.length })}</h2>
            <ul className="people came">
              {came.map((p) => (
                <li key={p.beneficiaryId}>{name(p)}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="not-came-title">
            <h2 id="not-came-title">{t('offers.notCame', { count: notCame.length })}</h2>
            <ul className="people not-came">
              {notCame.map((p) => (
                <li key={p.beneficiaryId}>
                  {name(p)} <span className="hint">({t(`offers.participant.${p.status}`)})</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </main>
  );
}
