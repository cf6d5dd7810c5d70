import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillErrorValue, TillStatus } from '../../../preload/contract';
import { useTill } from '../till-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { MANAGER_PIN_DIGITS } from '../../../preload/contract/staff';

const FIELDS = ['regionUrl', 'partnerId', 'activationCode', 'deviceName', 'managerName', 'managerPin'] as const;
type Field = (typeof FIELDS)[number];

export function EnrolScreen({ onEnrolled }: { onEnrolled: (s: TillStatus) => void }) {
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
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              required
            />
          </label>
        ))}
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('enrol.submit')}
        </button>
      </form>
    </main>
  );
}
