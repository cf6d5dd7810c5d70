// A manager adds a cashier or another manager, with the PIN they will open their session with.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../../../preload/contract';
import { MANAGER_PIN_DIGITS } from '../../../../preload/contract/staff';
import { useCall } from '../../use-call';
import { ErrorBanner } from '../../components/ErrorBanner';
import { LabelledInput, PinInput } from '../../components/LabelledInput';

export function StaffForm() {
  const { t } = useTranslation();
  const { error, run } = useCall();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffView['role']>('cashier');
  const [pin, setPin] = useState('');
  const [added, setAdded] = useState<StaffView | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const member = await run('staff.add', { name: name.trim(), role, pin });
    // A PIN is typed again after any answer: it never stays in the form.
    setPin('');
    if (!member) return;
    setAdded(member);
    setName('');
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="staff-title">
      <h2 id="staff-title">{t('settings.staff')}</h2>
      <LabelledInput
        label={t('settings.staffName')}
        name="staff-name"
        autoComplete="off"
        value={name}
        onChange={setName}
        required
      />
      <label>
        {t('settings.staffRole')}
        <select name="staff-role" value={role} onChange={(e) => setRole(e.target.value as StaffView['role'])}>
          <option value="cashier">{t('app.role.cashier')}</option>
          <option value="manager">{t('app.role.manager')}</option>
        </select>
      </label>
      <PinInput
        label={t(role === 'manager' ? 'settings.staffPinManager' : 'settings.staffPin')}
        name="staff-pin"
        autoComplete="new-password"
        pattern={`\\d{${role === 'manager' ? MANAGER_PIN_DIGITS : 4},8}`}
        value={pin}
        onChange={setPin}
        required
      />
      <ErrorBanner error={error} />
      {added && (
        <p className="banner banner-ok" role="status">
          {t('settings.staffAdded', { name: added.name })}
        </p>
      )}
      <button type="submit">{t('settings.staffAdd')}</button>
    </form>
  );
}
