// The preferences' scanners: the keyboard wedge (always on), the USB HID device the core reads, the webcam
// and its live preview.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannerDeviceView, SettingsView } from '../../../../preload/contract';
import { useTill } from '../../till-context';
import { listCameras, type CameraChoice } from '../../scan/webcam/webcam-scanner';
import { WebcamScan } from '../../components/WebcamScan';
import { useQuietLoad } from '../../use-quiet-load';

interface Props {
  settings: SettingsView;
  onChange: (settings: SettingsView) => void;
}

export function ScannerFields({ settings, onChange }: Props) {
  const { t } = useTranslation();
  const till = useTill();
  const [devices, setDevices] = useState<ScannerDeviceView[] | null>(null);
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const [preview, setPreview] = useState(false);

  // No banner for these: a till without USB scanners or cameras simply lists none.
  useQuietLoad('scanner.devices', {}, setDevices);
  useEffect(() => {
    void listCameras()
      .then(setCameras)
      .catch(() => setCameras([]));
  }, [till]);

  return (
    <>
      <h3>{t('settingsLayout.scanners')}</h3>
      <p>{t('settings.wedge')}</p>
      <fieldset>
        <legend>{t('settings.hidDevices')}</legend>
        <label className="check">
          <input
            type="radio"
            name="hid"
            checked={settings.hidDevicePath === null}
            onChange={() => onChange({ ...settings, hidDevicePath: null })}
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
              onChange={() => onChange({ ...settings, hidDevicePath: d.path })}
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
          onChange={(e) => onChange({ ...settings, webcamDeviceId: e.target.value || null })}
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
    </>
  );
}
