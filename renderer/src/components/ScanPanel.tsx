import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSource, TillErrorValue } from '../../../preload/contract';
import { ErrorBanner } from './ErrorBanner';

export function ScanPanel({ error, onScan }: { error: TillErrorValue | null; onScan: (text: string, source: ScanSource) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');

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
          <input name="token" autoFocus autoComplete="off" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t('scan.submit')}
        </button>
      </form>
    </section>
  );
}
