import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { staffLabel } from '../format/staff';
import { PinInput } from '../components/LabelledInput';

export function LoginScreen({
  onLoggedIn,
  notice = null,
}: {
  onLoggedIn: () => void;
  notice?: string | null;
}) {
  const { t } = useTranslation();
  const till = useTill();
  const [staff, setStaff] = useState<StaffView[]>([]);
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<TillErrorValue | null>(null);

  // A cashier may type the PIN and press Enter before the staff list has arrived: the login then waits
  // for the list (and its first name, shown selected) instead of sending an empty choice.
  const list = useRef<Promise<StaffView[]> | null>(null);

  useEffect(() => {
    list.current = till.invoke('staff.list', {}).then((r) => {
      if (!r.ok) return [];
      setStaff(r.value);
      setStaffId((current) => current || r.value[0]?.id || '');
      return r.value;
    });
  }, [till]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = staffId || (await list.current)?.[0]?.id;
    if (!chosen) return;
    const result = await till.invoke('staff.login', { staffId: chosen, pin });
    setPin('');
    if (result.ok) onLoggedIn();
    else setError(result.error);
  }

  return (
    <main className="screen">
      <h1>{t('login.title')}</h1>
      {notice && (
        <p className="banner banner-info" role="status">
          {notice}
        </p>
      )}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('login.staff')}
          <select name="staff" value={staffId} onChange={(e) => setStaffId(e.target.value)}>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {staffLabel(s, t(`app.role.${s.role}`))}
              </option>
            ))}
          </select>
        </label>
        <PinInput label={t('login.pin')} name="pin" autoFocus value={pin} onChange={setPin} required />
        <ErrorBanner error={error} />
        <button type="submit" className="primary">
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
