import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSource, TillErrorValue } from '../../../preload/contract';
import { ErrorBanner } from './ErrorBanner';
import { WebcamScan } from './WebcamScan';
import { PasteScanForm } from './PasteScanForm';
import { useAltShortcut } from '../shell/use-shortcut';

export function ScanPanel({
  error,
  onScan,
}: {
  error: TillErrorValue | null;
  onScan: (text: string, source: ScanSource) => void;
}) {
  const { t } = useTranslation();
  const [webcam, setWebcam] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useAltShortcut('w', () => setWebcam((on) => !on));
  useEffect(() => input.current?.focus(), [error]);

  return (
    <section className="scan-panel" aria-labelledby="scan-title">
      <h1 id="scan-title">{t('scan.title')}</h1>
      <p className="hint">{t('scan.hint')}</p>
      <ErrorBanner error={error} />
      <PasteScanForm
        label={t('scan.manual')}
        inputRef={input}
        onScan={(scan) => onScan(scan.text, scan.source)}
      >
        <div className="actions">
          <button type="submit" className="primary">
            {t('scan.submit')}
          </button>
          <button
            type="button"
            aria-keyshortcuts="Alt+W"
            aria-pressed={webcam}
            onClick={() => setWebcam((on) => !on)}
          >
            {webcam ? t('scan.webcamStop') : t('scan.webcam')}
          </button>
        </div>
      </PasteScanForm>
      {webcam && <WebcamScan onScan={(scan) => onScan(scan.text, 'webcam')} />}
    </section>
  );
}
