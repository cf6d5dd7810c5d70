import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSource, TillErrorValue } from '../../../preload/contract';
import { ErrorBanner } from './ErrorBanner';
import { WebcamScan } from './WebcamScan';
import { useAltShortcut } from '../shell/use-shortcut';

export function ScanPanel({
  error,
  onScan,
}: {
  error: TillErrorValue | null;
  onScan: (text: string, source: ScanSource) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [webcam, setWebcam] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useAltShortcut('w', () => setWebcam((on) => !on));
  useEffect(() => input.current?.focus(), [error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    onScan(value, 'paste');
  }

  return (
    <section className="scan-panel" aria-labelledby="scan-title">
      <h1 id="scan-title">{t('scan.title')}</h1>
      <p className="hint">{t('scan.hint')}</p>
      <ErrorBanner error={error} />
      <form className="form" onSubmit={submit}>
        <label>
          {t('scan.manual')}
          <input
            ref={input}
            name="token"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
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
      </form>
      {webcam && <WebcamScan onScan={(scan) => onScan(scan.text, 'webcam')} />}
    </section>
  );
}
