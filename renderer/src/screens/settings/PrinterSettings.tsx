// Réglages → Imprimante de tickets: a system printer (its name in Electron, from the shell) or a network
// ESC/POS printer, the roll's width and automatic printing after each sale. A manager changes it; a cashier
// sees it.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSettingsView } from '../../../../preload/contract';
import { useCall } from '../../use-call';
import { useShell } from '../../shell/shell-context';
import { ErrorBanner } from '../../components/ErrorBanner';
import { tillShell } from '../../manage/shell-bridge';

export function PrinterSettings() {
  const { t } = useTranslation();
  const { isManager } = useShell();
  const { error, load, run } = useCall();
  const [settings, setSettings] = useState<PrinterSettingsView | null>(null);
  const [printers, setPrinters] = useState<{ name: string; displayName: string }[] | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void load('printer.settings', {}).then((value) => value && setSettings(value));
    void tillShell()?.printers().then(setPrinters);
  }, [load]);

  if (!settings) return <ErrorBanner error={error} />;
  const change = (next: Partial<PrinterSettingsView>) => {
    setSaved(false);
    setSettings({ ...settings, ...next });
  };
  async function save(e: FormEvent) {
    e.preventDefault();
    if (!settings) return;
    const configured = await run('printer.configure', {
      kind: settings.kind,
      deviceName: settings.deviceName,
      host: settings.host?.trim() || null,
      port: settings.port,
      width: settings.width,
      autoPrint: settings.autoPrint,
    });
    if (configured) {
      setSettings(configured);
      setSaved(true);
    }
  }

  return (
    <section aria-labelledby="printer-title">
      <h2 id="printer-title">{t('manage.printer.title')}</h2>
      <form className="form" onSubmit={(e) => void save(e)}>
        <fieldset disabled={!isManager}>
          <label>
            {t('manage.printer.kind')}
            <select
              value={settings.kind}
              onChange={(e) => change({ kind: e.target.value as PrinterSettingsView['kind'] })}
            >
              {(['system', 'network'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`manage.printer.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {settings.kind === 'system' &&
            (printers ? (
              <label>
                {t('manage.printer.deviceName')}
                <select
                  value={settings.deviceName ?? ''}
                  onChange={(e) => change({ deviceName: e.target.value || null })}
                >
                  <option value="">{t('manage.printer.defaultPrinter')}</option>
                  {printers.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.displayName}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="hint">{t('manage.printer.browserNote')}</p>
            ))}
          {settings.kind === 'network' && (
            <>
              <label>
                {t('manage.printer.host')}
                <input
                  value={settings.host ?? ''}
                  onChange={(e) => change({ host: e.target.value })}
                  spellCheck={false}
                  required
                />
              </label>
              <label>
                {t('manage.printer.port')}
                <input
                  type="number"
                  min={1}
                  max={65535}
                  value={settings.port}
                  onChange={(e) => change({ port: Number(e.target.value) || 9100 })}
                />
              </label>
            </>
          )}
          <label>
            {t('manage.printer.width')}
            <select
              value={settings.width}
              onChange={(e) => change({ width: Number(e.target.value) === 58 ? 58 : 80 })}
            >
              <option value={80}>{t('manage.printer.widths.80')}</option>
              <option value={58}>{t('manage.printer.widths.58')}</option>
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.autoPrint}
              onChange={(e) => change({ autoPrint: e.target.checked })}
            />
            {t('manage.printer.autoPrint')}
          </label>
          <button type="submit">{t('manage.printer.save')}</button>
        </fieldset>
        <ErrorBanner error={error} />
        {saved && (
          <p className="banner banner-ok" role="status">
            {t('manage.printer.saved')}
          </p>
        )}
      </form>
    </section>
  );
}
