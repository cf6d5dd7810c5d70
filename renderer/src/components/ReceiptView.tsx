// The youth's receipt: what was billed, in the partner's name. Printed with window.print (Electron's print
// in the shell goes through the same page); "Save as PDF" is the browser's own printer.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterSettingsView, Receipt, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useCall } from '../use-call';
import { formatCents } from '../format/money';
import { formatDate, formatTime } from '../format/dates';
import { ErrorBanner } from './ErrorBanner';
import { useAltShortcut } from '../shell/use-shortcut';
import { printReceipt } from '../manage/print-receipt';

export function ReceiptView({
  debitId,
  onBack,
  autoPrint = false,
  initialError = null,
}: {
  debitId: string;
  onBack: () => void;
  autoPrint?: boolean;
  initialError?: TillErrorValue | null;
}) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // The receipt's own refusal (useCall), or the print's: a receipt that cannot load cannot be printed.
  const { error: refused, load } = useCall();
  const [printError, setPrintError] = useState<TillErrorValue | null>(initialError);
  const printButton = useRef<HTMLButtonElement>(null);

  const [printer, setPrinter] = useState<PrinterSettingsView | null>(null);
  const [printed, setPrinted] = useState(false);

  useEffect(() => {
    void load('receipt.get', { debitId }).then((value) => value && setReceipt(value));
    void till.invoke('printer.settings', {}).then((r) => r.ok && setPrinter(r.value));
  }, [till, load, debitId]);
  useEffect(() => printButton.current?.focus(), [receipt]);
  // Where Réglages says: the network printer, the chosen system printer (silent in Electron), or the dialog.
  const print = useCallback(async () => {
    if (!printer) return window.print();
    setPrintError(null);
    const r = await printReceipt(till, debitId, printer);
    if (r.ok) setPrinted(r.via !== 'dialog');
    else setPrintError(r.error);
  }, [till, debitId, printer]);
  // Automatic printing after a sale (Réglages): once, as soon as the receipt is on screen.
  const autoPrinted = useRef(false);
  useEffect(() => {
    if (!autoPrint || autoPrinted.current || !receipt || !printer?.autoPrint) return;
    autoPrinted.current = true;
    void print();
  }, [autoPrint, receipt, printer, print]);
  useAltShortcut('i', () => void print(), receipt !== null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onBack();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  const money = (c: number | null) => (c === null ? '—' : formatCents(c, i18n.language));
  const lang = i18n.language;
  return (
    <section className="receipt-screen" aria-labelledby="receipt-title">
      <ErrorBanner error={refused ?? printError} />
      {receipt && (
        <article className="receipt" data-debit-id={receipt.debitId}>
          <h1 id="receipt-title">{t('receipt.title')}</h1>
          <dl>
            <dt>{t('receipt.partner')}</dt>
            <dd>{receipt.partnerName}</dd>
            <dt>{t('receipt.siret')}</dt>
            <dd>{receipt.partnerSiret}</dd>
            <dt>{t('receipt.date')}</dt>
            <dd>{formatDate(receipt.occurredAt, lang)}</dd>
            <dt>{t('receipt.time')}</dt>
            <dd>{formatTime(receipt.occurredAt, lang)}</dd>
            <dt>{t('receipt.device')}</dt>
            <dd>{receipt.deviceName}</dd>
            <dt>{t('receipt.seq')}</dt>
            <dd>{receipt.deviceSeq}</dd>
            <dt>{t('receipt.item')}</dt>
            <dd>
              {t(`category.${receipt.category}`)} — {t(`item.${receipt.item}`)}
            </dd>
            {receipt.discipline && (
              <>
                <dt>{t('discipline.label')}</dt>
                <dd data-discipline={receipt.discipline}>{t(`discipline.${receipt.discipline}`)}</dd>
              </>
            )}
            <dt>{t('receipt.price')}</dt>
            <dd>{money(receipt.priceCents)}</dd>
            <dt>{t('receipt.amount')}</dt>
            <dd className="receipt-amount">{money(receipt.amountCents)}</dd>
            <dt>{t('receipt.remainder')}</dt>
            <dd>{money(receipt.remainderCents)}</dd>
            <dt>{t('receipt.balance')}</dt>
            <dd>{money(receipt.walletBalanceCents)}</dd>
            <dt>{t('receipt.holder')}</dt>
            <dd>
              {receipt.holderFirstName
                ? `${receipt.holderFirstName} (${receipt.holderInitials})`
                : receipt.holderInitials}
            </dd>
            {receipt.cashierName && (
              <>
                <dt>{t('manage.printer.cashier')}</dt>
                <dd>{receipt.cashierName}</dd>
              </>
            )}
            <dt>{t('receipt.status')}</dt>
            <dd>{t(`status.${receipt.status}`)}</dd>
            <dt>{t('receipt.mode')}</dt>
            <dd className={receipt.mode === 'offline' ? 'offline-mark' : ''}>{t(`mode.${receipt.mode}`)}</dd>
          </dl>
        </article>
      )}
      {printed && (
        <p className="banner banner-ok no-print" role="status">
          {t('manage.printer.printed')}
        </p>
      )}
      <p className="hint no-print">{t('receipt.pdfHint')}</p>
      <div className="actions no-print">
        <button
          ref={printButton}
          type="button"
          className="primary"
          aria-keyshortcuts="Alt+I"
          onClick={() => void print()}
          disabled={!receipt}
        >
          {t('receipt.print')}
        </button>
        <button type="button" onClick={onBack}>
          {t('receipt.back')}
        </button>
      </div>
    </section>
  );
}
