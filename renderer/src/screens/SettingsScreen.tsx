// Settings: what this till is enrolled as, its tariffs and receipt printer, language and sounds, which
// scanner it reads (USB HID devices, the keyboard wedge, a webcam with its live preview), how long the last
// scan of each source took, and the staff who may open a session.
import { useTranslation } from 'react-i18next';
import { useShell } from '../shell/shell-context';
import { EnrolmentFacts } from './settings/EnrolmentFacts';
import { TariffSettings } from './settings/TariffSettings';
import { PrinterSettings } from './settings/PrinterSettings';
import { PreferencesForm } from './settings/PreferencesForm';
import { ScanStats } from './settings/ScanStats';
import { StaffForm } from './settings/StaffForm';
import { StaffLockouts } from './settings/StaffLockouts';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { status, isManager } = useShell();
  return (
    <main className="screen wide settings">
      <h1>{t('settings.title')}</h1>
      <EnrolmentFacts status={status} />
      <TariffSettings accreditations={status.partner?.accreditations ?? []} editable={isManager} />
      <PrinterSettings />
      <PreferencesForm />
      <ScanStats />
      {isManager && <StaffForm />}
      {isManager && <StaffLockouts />}
    </main>
  );
}
