import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView, TillErrorValue, TillStatus } from '../../../preload/contract';
import { useTill } from '../till-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { ManagerPinFields } from '../components/ManagerPinFields';
import { MANAGER_PIN_DIGITS } from '../../../preload/contract/staff';
import { RestoreBackup } from '../manage/RestoreBackup';
import { activationTyped, useActivationScan, type ActivationRead } from '../manage/activation-scan';

const FIELDS = [
  'regionUrl',
  'partnerId',
  'activationCode',
  'deviceName',
  'managerName',
  'managerPin',
] as const;
type Field = (typeof FIELDS)[number];

interface EnrolProps {
  /** The till's status: a till whose device token no longer opens is enrolled again, not from scratch. */
  status?: TillStatus;
  onEnrolled: (s: TillStatus) => void;
}

export function EnrolScreen({ status, onEnrolled }: EnrolProps) {
  if (status?.deviceSecret === 'unreadable') return <ReenrolForm status={status} onEnrolled={onEnrolled} />;
  return <FirstEnrolForm status={status} onEnrolled={onEnrolled} />;
}

function FirstEnrolForm({ status, onEnrolled }: EnrolProps) {
  const { t } = useTranslation();
  const till = useTill();
  const [values, setValues] = useState<Record<Field, string>>({
    regionUrl: '',
    partnerId: '',
    activationCode: '',
    deviceName: 'Caisse 1',
    managerName: '',
    managerPin: '',
  });
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  // An activation QR code scanned (any scanner) or typed into a field fills the three fields it carries.
  const [activation, setActivation] = useState<'read' | 'invalid' | null>(null);
  const applyActivation = (read: ActivationRead) => {
    setActivation(read.ok ? 'read' : 'invalid');
    if (!read.ok) return;
    const a = read.activation;
    setValues((v) => ({
      ...v,
      regionUrl: a.regionUrl,
      partnerId: a.partnerId,
      activationCode: a.activationCode,
    }));
    document.querySelector<HTMLInputElement>('input[name="deviceName"]')?.focus();
  };
  useActivationScan(applyActivation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await till.invoke('till.enroll', { ...values, regionUrl: values.regionUrl.trim() });
    setBusy(false);
    if (result.ok) onEnrolled(result.value);
    else setError(result.error);
  }

  return (
    <main className="screen">
      <h1>{t('enrol.title')}</h1>
      <p>{t('enrol.intro')}</p>
      {status?.secretProtection.store === 'owner-only-file' &&
      status.secretProtection.reason === 'KEYCHAIN_BASIC_TEXT' ? (
        <p className="banner" role="note" data-code="KEYCHAIN_BASIC_TEXT">
          {t('enrol.keychainBasicText')}
        </p>
      ) : null}
      <p className="hint">{t('manage.activation.hint')}</p>
      {activation && (
        <p
          className={activation === 'read' ? 'banner banner-ok' : 'banner banner-refused'}
          role={activation === 'read' ? 'status' : 'alert'}
          data-activation={activation}
        >
          {t(`manage.activation.${activation}`)}
        </p>
      )}
      <form className="form" onSubmit={(e) => void submit(e)}>
        {FIELDS.map((field, index) => (
          <label key={field}>
            {t(`enrol.${field}`)}
            <input
              name={field}
              autoFocus={index === 0}
              type={field === 'managerPin' ? 'password' : 'text'}
              inputMode={field === 'managerPin' ? 'numeric' : undefined}
              pattern={field === 'managerPin' ? `\\d{${MANAGER_PIN_DIGITS},8}` : undefined}
              value={values[field]}
              onChange={(e) => {
                const typed = activationTyped(e.target.value);
                if (typed) applyActivation(typed);
                else setValues({ ...values, [field]: e.target.value });
              }}
              required
            />
          </label>
        ))}
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('enrol.submit')}
        </button>
      </form>
      <RestoreBackup />
    </main>
  );
}

/**
 * The device token no longer opens (its key lost to a power cut, a damaged file, a changed keychain): the
 * same till enrols again with a new activation code and a manager's PIN; its journal and staff stay.
 */
function ReenrolForm({ status, onEnrolled }: { status: TillStatus; onEnrolled: (s: TillStatus) => void }) {
  const { t } = useTranslation();
  const till = useTill();
  const [managers, setManagers] = useState<StaffView[]>([]);
  const [managerId, setManagerId] = useState('');
  const [activationCode, setActivationCode] = useState('');
  const [managerPin, setManagerPin] = useState('');
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

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
    setBusy(true);
    const result = await till.invoke('till.reenroll', {
      activationCode: activationCode.trim(),
      managerId,
      managerPin,
    });
    setBusy(false);
    if (result.ok) onEnrolled(result.value);
    else {
      setError(result.error);
      setManagerPin('');
    }
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
