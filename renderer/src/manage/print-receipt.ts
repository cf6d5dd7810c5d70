// Printing a receipt where Réglages says (printer.settings):
// - a network ESC/POS printer: the core encodes and sends it (printer.printReceipt);
// - a system printer: the page prints the receipt it shows, sized for the roll (an @page rule for 80 or
//   58 mm, receipt-print.css): silently on the chosen printer in Electron (the shell's print broker,
//   webContents.print({ silent: true, deviceName })), with the browser's print dialog elsewhere.
import type { PrinterSettingsView, TillApi, TillErrorValue } from '../../../preload/contract';
import './receipt-print.css';
import './shell-bridge';

const PAGE_STYLE_ID = 'receipt-page-size';

/** The roll's width as the print's page: `@page` cannot depend on a class, so the rule is set for this print. */
function setReceiptPage(widthMm: 80 | 58, doc: Document = document): void {
  doc.documentElement.dataset['receiptWidth'] = String(widthMm);
  let style = doc.getElementById(PAGE_STYLE_ID) as HTMLStyleElement | null;
  if (!style) {
    style = doc.createElement('style');
    style.id = PAGE_STYLE_ID;
    doc.head.append(style);
  }
  // The height is a long strip: a roll printer's driver cuts after the content.
  style.textContent = `@page { size: ${widthMm}mm 297mm; margin: 2mm; }`;
}

/** How it went: printed on the network printer or silently by the shell, or handed to the browser's dialog. */
export type PrintOutcome =
  { ok: true; via: 'network' | 'silent' | 'dialog' } | { ok: false; error: TillErrorValue };

export async function printReceipt(
  till: TillApi,
  debitId: string,
  settings: PrinterSettingsView,
  win: Window = window,
): Promise<PrintOutcome> {
  if (settings.kind === 'network') {
    const r = await till.invoke('printer.printReceipt', { debitId });
    return r.ok ? { ok: true, via: 'network' } : { ok: false, error: r.error };
  }
  setReceiptPage(settings.width, win.document);
  const shell = win.tillShell;
  if (shell) {
    const r = await shell.print({ deviceName: settings.deviceName, widthMm: settings.width });
    return r.ok
      ? { ok: true, via: 'silent' }
      : { ok: false, error: { code: 'PRINTER_UNREACHABLE', ...(r.reason ? { detail: r.reason } : {}) } };
  }
  win.print();
  return { ok: true, via: 'dialog' };
}

/**
 * After an accepted sale, when Réglages asks for it: a network printer prints at once; a system printer
 * needs the receipt on screen, so `showReceipt` opens it and the receipt view prints as it appears.
 */
export async function autoPrintAfterSale(
  till: TillApi,
  debitId: string,
  showReceipt: () => void,
): Promise<PrintOutcome | null> {
  const settings = await till.invoke('printer.settings', {});
  if (!settings.ok || !settings.value.autoPrint) return null;
  if (settings.value.kind === 'system') {
    showReceipt();
    return null;
  }
  return printReceipt(till, debitId, settings.value);
}
