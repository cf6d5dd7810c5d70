// The till's preferences: language and sounds, and the scanners it reads. Alt+S saves; the language and
// the sounds apply at once.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../../preload/contract';
import { useCall } from '../../use-call';
import { useShell } from '../../shell/shell-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { createBeepPlayer } from '../../sound/beeps';
import { useAltShortcut } from '../../shell/use-shortcut';
import { ScannerFields } from './ScannerFields';

const DEFAULT_SETTINGS: SettingsView = {
  language: 'fr',
  sounds: true,
  hidDevicePath: null,
  webcamDeviceId: null,
};

function playAll(): void {
  const player = createBeepPlayer();
  player.play('accepted');
  window.setTimeout(() => player.play('refused'), 600);
  window.setTimeout(() => player.play('unreadable'), 1300);
}

export function PreferencesForm() {
  const { t, i18n } = useTranslation();
  const { applySettings } = useShell();
  const { error, load, run } = useCall();
  const [settings, setSettings] = useState<SettingsView>(DEFAULT_SETTINGS);
  const [saved, setSaved] = useState(false);
  const firstField = useRef<HTMLSelectElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useAltShortcut('s', () => form.current?.requestSubmit());

  useEffect(() => {
    void load('settings.get', {}).then((value) => value && setSettings(value));
    firstField.current?.focus();
  }, [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const stored = await run('settings.set', settings);
    if (!stored) return;
    setSettings(stored);
    applySettings(stored);
    setSaved(true);
    void i18n.changeLanguage(stored.language);
    document.documentElement.lang = stored.language;
  }

  return (
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
      <ScannerFields settings={settings} onChange={setSettings} />
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
  );
}
