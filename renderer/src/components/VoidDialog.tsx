// A manager voids a debit of today, with a reason; the window and its end are said before anything is sent.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalDebitRow, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { VoidWindowNote } from './VoidWindowNote';
import { ErrorBanner } from './ErrorBanner';

export function VoidDialog({ row, onCancel, onVoided }: { row: JournalDebitRow; onCancel: () => void; onVoided: () => void }) {
  const { t } = useTranslation();
  const till = useTill();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await till.invoke('debit.void', { debitId: row.debitId, reason: reason.trim() });
    setBusy(false);
    if (r.ok) onVoided();
    else setError(r.error);
  }

  return (
    <form className="form void-form" onSubmit={(e) => void submit(e)} aria-labelledby="void-title">
      <h3 id="void-title">{t('void.title', { seq: row.deviceSeq })}</h3>
      <VoidWindowNote occurredAt={row.occurredAt} />
      <label>
        {t('void.reason')}
        <input ref={input} name="reason" autoComplete="off" minLength={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="submit" className="danger" disabled={busy}>
          {t('void.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('debit.cancel')}
        </button>
      </div>
    </form>
  );
}
