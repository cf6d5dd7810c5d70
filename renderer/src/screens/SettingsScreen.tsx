// Settings: what this till is enrolled as, language and sounds, which scanner it reads (USB HID devices,
// the keyboard wedge, a webcam with its live preview), how long the last scan of each source took, and
// the staff who may open a session.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ScannerDeviceView,
  ScanSource,
  ScanStatsView,
  SettingsView,
  StaffView,
  TillErrorValue,
} from '../../../preload/contract';
import { MANAGER_PIN_DIGITS, type StaffLockoutView } from '../../../preload/contract/staff';
import { useTill } from '../till-context';
import { useShell } from '../shell/shell-context';
import { formatCents } from '../format/money';
import { formatDateTime } from '../format/dates';
import { listCameras, type CameraChoice } from '../scan/webcam/webcam-scanner';
import { ErrorBanner } from '../components/ErrorBanner';
import { WebcamScan } from '../components/WebcamScan';
import { TariffSettings } from '../components/TariffSettings';
import { PrinterSettings } from '../components/PrinterSettings';
import { createBeepPlayer } from '../sound/beeps';
import { useAltShortcut } from '../shell/use-shortcut';

const DEFAULT_SETTINGS: SettingsView = {
  language: 'fr',
  sounds: true,
  hidDevicePath: null,
  webcamDeviceId: null,
};

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const { status, isManager, applySettings } = useShell();
  const [settings, setSettings] = useState<SettingsView>(DEFAULT_SETTINGS);
  const [devices, setDevices] = useState<ScannerDeviceView[] | null>(null);
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const [stats, setStats] = useState<ScanStatsView | null>(null);
  const [preview, setPreview] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useAltShortcut('s', () => form.current?.requestSubmit());

  useEffect(() => {
    void till.invoke('settings.get', {}).then((r) => (r.ok ? setSettings(r.value) : setError(r.error)));
    void till.invoke('scanner.devices', {}).then((r) => r.ok && setDevices(r.value));
    void till.invoke('scanner.stats', {}).then((r) => r.ok && setStats(r.value));
    void listCameras()
      .then(setCameras)
      .catch(() => setCameras([]));
    firstField.current?.focus();
  }, [till]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const r = await till.invoke('settings.set', settings);
    if (!r.ok) return setError(r.error);
    setError(null);
    setSettings(r.value);
    applySettings(r.value);
    setSaved(true);
    void i18n.changeLanguage(r.value.language);
    document.documentElement.lang = r.value.language;
  }

  const partner = status.partner;
  const policy = status.offlinePolicy;
  const stat = stats
    ? (Object.entries(stats.lastBySource) as [
        ScanSource,
        { durationMs: number; at: string; chars: number },
      ][])
    : [];

  return (
    <main className="screen wide settings">
      <h1>{t('settings.title')}</h1>
      <section className="form" aria-labelledby="enrolment-title">
        <h2 id="enrolment-title">{t('settings.enrolment')}</h2>
        <dl className="facts">
          <dt>{t('settings.partner')}</dt>
          <dd>{partner?.name ?? '—'}</dd>
          <dt>{t('settings.partnerId')}</dt>
          <dd className="mono">{partner?.id ?? '—'}</dd>
          <dt>{t('settings.accreditations')}</dt>
          <dd>{partner?.accreditations.map((c) => t(`category.${c}`)).join(', ') || '—'}</dd>
          <dt>{t('settings.device')}</dt>
          <dd>
            {status.deviceName ?? '—'} <span className="mono hint">{status.deviceId}</span>
          </dd>
          <dt>{t('settings.regionUrl')}</dt>
          <dd className="mono">{status.regionUrl ?? '—'}</dd>
        </dl>
        {policy && (
          <p>
            {t('settings.offlinePolicy', {
              state: policy.enabled ? t('settings.offlineOn') : t('settings.offlineOff'),
              limit: formatCents(policy.floorLimitCents, i18n.language),
              hours: policy.maxOfflineHours,
            })}
          </p>
        )}
      </section>
      <TariffSettings accreditations={partner?.accreditations ?? []} editable={isManager} />
      <PrinterSettings />

      <form ref={form} className="form" onSubmit={(e) => void save(e)} aria-labelledby="prefs-title">
        <h2 id="prefs-title">{t('settingsLayout.prefs')}</h2>
        <h3>{t('settingsLayout.general')}</h3>
        <label>
          {t('settings.language')}
          <select
            ref={firstField}
            name="language"
            value={settings.language}
            onChange={(e) => setSettings({ ...settings, language: e.target.value as 'fr' | 'en' })}
          >
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="sounds"
            checked={settings.sounds}
            onChange={(e) => setSettings({ ...settings, sounds: e.target.checked })}
          />
          {t('settings.sounds')}
        </label>
        <button type="button" onClick={() => playAll()}>
          {t('settings.testSounds')}
        </button>
        <h3>{t('settingsLayout.scanners')}</h3>
        <p>{t('settings.wedge')}</p>
        <fieldset>
          <legend>{t('settings.hidDevices')}</legend>
          <label className="check">
            <input
              type="radio"
              name="hid"
              checked={settings.hidDevicePath === null}
              onChange={() => setSettings({ ...settings, hidDevicePath: null })}
            />
            {t('settings.hidNone')}
          </label>
          {devices?.length === 0 && <p className="hint">{t('settings.noHid')}</p>}
          {devices?.map((d) => (
            <label key={d.path} className="check">
              <input
                type="radio"
                name="hid"
                disabled={!d.openable}
                checked={settings.hidDevicePath === d.path}
                onChange={() => setSettings({ ...settings, hidDevicePath: d.path })}
              />
              {d.manufacturer} {d.product} ({d.vendorId.toString(16).padStart(4, '0')}:
              {d.productId.toString(16).padStart(4, '0')}, {d.mode})
              {!d.openable && <span className="hint"> — {t('settings.notOpenable')}</span>}
              {!d.connected && <span className="hint"> — {t('settings.disconnected')}</span>}
            </label>
          ))}
        </fieldset>
        <label>
          {t('settings.webcam')}
          <select
            name="webcam"
            value={settings.webcamDeviceId ?? ''}
            onChange={(e) => setSettings({ ...settings, webcamDeviceId: e.target.value || null })}
          >
            <option value="">{t('settings.webcamNone')}</option>
            {cameras.map((c) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="preview"
            checked={preview}
            onChange={(e) => setPreview(e.target.checked)}
          />
          {t('settings.preview')}
        </label>
        {preview && <WebcamScan deviceId={settings.webcamDeviceId} />}
        <ErrorBanner error={error} />
        {saved && (
          <p className="banner banner-ok" role="status">
            {t('settings.saved')}
          </p>
        )}
        <button type="submit" className="primary" aria-keyshortcuts="Alt+S">
          {t('settings.save')}
        </button>
      </form>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title">{t('settings.stats')}</h2>
        {stat.length === 0 ? (
          <p>{t('settings.statsEmpty')}</p>
        ) : (
          <table className="table stats-table">
            <thead>
              <tr>
                <th scope="col">{t('settings.colSource')}</th>
                <th scope="col">{t('settings.colDuration')}</th>
                <th scope="col">{t('settings.colChars')}</th>
                <th scope="col">{t('settings.colAt')}</th>
              </tr>
            </thead>
            <tbody>
              {stat.map(([source, s]) => (
                <tr key={source} data-source={source}>
                  <td>{t(`settings.source.${source}`)}</td>
                  <td>{Math.round(s.durationMs)} ms</td>
                  <td>{s.chars}</td>
                  <td>{formatDateTime(s.at, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {stats?.platformNotes.map((note) => (
          <p key={note} className="hint" data-platform-note={note}>
            {t(`settings.platformNote.${note}`)}
          </p>
        ))}
      </section>

      {isManager && <StaffForm />}
      {isManager && <StaffLockouts />}
    </main>
  );
}

function playAll(): void {
  const player = createBeepPlayer();
  player.play('accepted');
  window.setTimeout(() => player.play('refused'), 600);
  window.setTimeout(() => player.play('unreadable'), 1300);
}

function StaffForm() {
  const { t } = useTranslation();
  const till = useTill();
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffView['role']>('cashier');
  const [pin, setPin] = useState('');
  const [added, setAdded] = useState<StaffView | null>(null);
  const [error, setError] = useState<TillErrorValue | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await till.invoke('staff.add', { name: name.trim(), role, pin });
    setPin('');
    if (!r.ok) return setError(r.error);
    setError(null);
    setAdded(r.value);
    setName('');
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="staff-title">
      <h2 id="staff-title">{t('settings.staff')}</h2>
      <label>
        {t('settings.staffName')}
        <input
          name="staff-name"
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </label>
      <label>
        {t('settings.staffRole')}
        <select name="staff-role" value={role} onChange={(e) => setRole(e.target.value as StaffView['role'])}>
          <option value="cashier">{t('app.role.cashier')}</option>
          <option value="manager">{t('app.role.manager')}</option>
        </select>
      </label>
      <label>
        {t(role === 'manager' ? 'settings.staffPinManager' : 'settings.staffPin')}
        <input
          name="staff-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          pattern={`\\d{${role === 'manager' ? MANAGER_PIN_DIGITS : 4},8}`}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
        />
      </label>
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

/** Staff with wrong PINs on record: waiting, or locked after ten until a manager unlocks them here. */
function StaffLockouts() {
  const { t } = useTranslation();
  const till = useTill();
  const [lockouts, setLockouts] = useState<StaffLockoutView[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<TillErrorValue | null>(null);
  const load = useCallback(() => {
    void till.invoke('staff.lockouts', {}).then((r) => (r.ok ? setLockouts(r.value) : setError(r.error)));
    void till
      .invoke('staff.list', {})
      .then((r) => r.ok && setNames(new Map(r.value.map((s) => [s.id, s.name]))));
  }, [till]);
  useEffect(load, [load]);
  if (lockouts.length === 0 && !error) return null;
  async function unlock(staffId: string) {
    const r = await till.invoke('staff.unlock', { staffId });
    if (!r.ok) return setError(r.error);
    setError(null);
    load();
  }
  return (
    <section className="form" aria-labelledby="lockouts-title" data-lockouts>
      <h2 id="lockouts-title">{t('settings.lockouts')}</h2>
      <ErrorBanner error={error} />
      <ul>
        {lockouts.map((l) => (
          <li key={l.staffId}>
            {t(l.locked ? 'settings.lockoutLocked' : 'settings.lockoutFailures', {
              name: names.get(l.staffId) ?? l.staffId,
              count: l.failures,
            })}{' '}
            <button type="button" onClick={() => void unlock(l.staffId)}>
              {t('settings.unlock')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
