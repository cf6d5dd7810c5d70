// A till's first enrolment: the Region's address, the partner and its activation code (typed, or read from
// the activation QR code by any scanner), the device's name and its first manager.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillStatus } from '../../../../preload/contract';
import { MANAGER_PIN_DIGITS } from '../../../../preload/contract/staff';
import { useCall } from '../../use-call';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RestoreBackup } from '../../manage/RestoreBackup';
import { activationTyped, useActivationScan, type ActivationRead } from '../../manage/activation-scan';

const FIELDS = [
  'regionUrl',
  'partnerId',
  'activationCode',
  'deviceName',
  'managerName',
  'managerPin',
] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  status?: TillStatus;
  onEnrolled: (s: TillStatus) => void;
}

export function FirstEnrolForm({ status, onEnrolled }: Props) {
  const { t } = useTranslation();
  const { busy, error, run } = useCall();
  const [values, setValues] = useState<Record<Field, string>>({
    regionUrl: '',
    partnerId: '',
    activationCode: '',
    deviceName: 'Caisse 1',
    managerName: '',
    managerPin: '',
  });
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
    const enrolled = await run('till.enroll', { ...values, regionUrl: values.regionUrl.trim() });
    if (enrolled) onEnrolled(enrolled);
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
