// The device token no longer opens (its key lost to a power cut, a damaged file, a changed keychain): the
// same till enrols again with a new activation code and a manager's PIN; its journal and staff stay.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView, TillStatus } from '../../../../preload/contract';
import { useTill } from '../../till-context';
import { useCall } from '../../use-call';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ManagerPinFields } from '../../components/ManagerPinFields';

export function ReenrolForm({
  status,
  onEnrolled,
}: {
  status: TillStatus;
  onEnrolled: (s: TillStatus) => void;
}) {
  const { t } = useTranslation();
  const till = useTill();
  const { busy, error, run } = useCall();
  const [managers, setManagers] = useState<StaffView[]>([]);
  const [managerId, setManagerId] = useState('');
  const [activationCode, setActivationCode] = useState('');
  const [managerPin, setManagerPin] = useState('');

  // Not through useCall: a list that cannot load is no refusal to show; the picker stays empty, Valider off.
  useEffect(() => {
    void till.invoke('staff.list', {}).then((result) => {
      if (!result.ok) return;
      const list = result.value.filter((s) => s.role === 'manager');
      setManagers(list);
      setManagerId((current) => current || (list[0]?.id ?? ''));
    });
  }, [till]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const enrolled = await run('till.reenroll', {
      activationCode: activationCode.trim(),
      managerId,
      managerPin,
    });
    if (enrolled) onEnrolled(enrolled);
    else setManagerPin('');
  }

  return (
    <main className="screen">
      <h1>{t('enrol.reenrolTitle')}</h1>
      <ErrorBanner error="DEVICE_SECRET_UNREADABLE" />
      <p>
        {t('enrol.reenrolIntro', { device: status.deviceName ?? '', partner: status.partner?.name ?? '' })}
      </p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('enrol.activationCode')}
          <input
            name="activationCode"
            autoFocus
            value={activationCode}
            onChange={(e) => setActivationCode(e.target.value)}
            required
          />
        </label>
        <ManagerPinFields
          managers={managers}
          managerId={managerId}
          onManagerId={setManagerId}
          pin={managerPin}
          onPin={setManagerPin}
          managerLabel={t('enrol.manager')}
          pinLabel={t('login.pin')}
        />
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={busy || managerId === ''}>
          {t('enrol.reenrolSubmit')}
        </button>
      </form>
    </main>
  );
}
