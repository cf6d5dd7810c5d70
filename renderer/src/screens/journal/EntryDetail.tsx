// One journal entry, opened from the list: what it was, its chain position as a technical detail, and
// what may be done with it: reprint its receipt, or void it (Alt+V) while the void window is open.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryView, JournalDebitRow, StaffView } from '../../../../preload/contract';
import { useCall } from '../../use-call';
import { voidWindowOpen } from '../../format/dates';
import { VoidWindowNote } from '../../components/VoidWindowNote';
import { ErrorBanner } from '../../components/ErrorBanner';
import { VoidDialog } from '../../components/VoidDialog';
import { ReceiptView } from '../../components/ReceiptView';
import { EntrySummary } from './EntrySummary';
import { EntryTechnical } from './EntryTechnical';
import { isPaid } from '../../../../preload/contract/debit';

interface Props {
  row: JournalDebitRow;
  isManager: boolean;
  managers: StaffView[];
  cashierName: string;
  nameOf: (staffId: string | null) => string;
  onClose: () => void;
  onVoided: () => void;
}

export function EntryDetail({ row, isManager, managers, cashierName, nameOf, onClose, onVoided }: Props) {
  const { t } = useTranslation();
  const { error, load } = useCall();
  const [entry, setEntry] = useState<EntryView | null>(null);
  const [voiding, setVoiding] = useState(false);
  // The receipt of a sale, again (a youth who lost it, the printer out of paper): printed where Réglages says.
  const [reprinting, setReprinting] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const voidButton = useRef<HTMLButtonElement>(null);
  const wasVoiding = useRef(false);

  useEffect(() => {
    void load('journal.entry', { seq: row.deviceSeq }).then((value) => value && setEntry(value));
    closeButton.current?.focus();
  }, [load, row.deviceSeq]);
  // Back from a void kept (Escape): the focus returns to the void button, inside the dialog, so its keys work.
  useEffect(() => {
    if (wasVoiding.current && !voiding) voidButton.current?.focus();
    wasVoiding.current = voiding;
  }, [voiding]);

  const held = isPaid(row.status);
  const voidable = held && voidWindowOpen(row.occurredAt);
  return (
    <section
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="entry-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.altKey && e.key.toLowerCase() === 'v' && voidable) {
          e.preventDefault();
          setVoiding(true);
        }
      }}
    >
      <h2 id="entry-title">{t('journal.detail', { seq: row.deviceSeq })}</h2>
      {reprinting ? (
        <ReceiptView debitId={row.debitId} onBack={() => setReprinting(false)} />
      ) : voiding ? (
        <VoidDialog
          row={row}
          isManager={isManager}
          managers={managers}
          cashierName={cashierName}
          onCancel={() => setVoiding(false)}
          onVoided={onVoided}
        />
      ) : (
        <>
          <EntrySummary row={row} cashierName={cashierName} nameOf={nameOf} />
          <ErrorBanner error={error} />
          <div className="actions">
            <button ref={closeButton} type="button" onClick={onClose}>
              {t('journal.close')}
            </button>
            {held && (
              <button type="button" onClick={() => setReprinting(true)}>
                {t('manage.printer.reprint')}
              </button>
            )}
            {held && (
              <button
                ref={voidButton}
                type="button"
                className="danger"
                aria-keyshortcuts="Alt+V"
                disabled={!voidable}
                onClick={() => setVoiding(true)}
              >
                {t('void.action')}
              </button>
            )}
            {!isManager && held && voidable && <span className="hint">{t('voidDialog.overrideHelp')}</span>}
          </div>
          {held && !voidable && <VoidWindowNote occurredAt={row.occurredAt} closed />}
        </>
      )}
      <EntryTechnical entry={entry} />
    </section>
  );
}
