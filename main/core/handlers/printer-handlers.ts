// printer.*: where receipts print, and printing one on a network ESC/POS printer (main/receipt/). A system
// printer prints from the page (the same receipt CSS), so the core only keeps its name and the paper width.
import type { PrinterSettingsView, Receipt } from '../../../preload/contract';
import { TillError } from '../../../preload/contract';
import { escposReceipt } from '../../receipt/escpos-receipt';
import { RAW_PRINT_PORT, sendToNetworkPrinter } from '../../receipt/network-printer';
import type { Handlers } from '../../transport/dispatch';
import type { TillContext } from '../context';
import { patchSettings } from './settings-patch';

type PrinterCalls = 'printer.settings' | 'printer.configure' | 'printer.printReceipt';

const KEY = 'printer.settings';
const DEFAULTS: PrinterSettingsView = {
  kind: 'system',
  deviceName: null,
  host: null,
  port: RAW_PRINT_PORT,
  width: 80,
  autoPrint: false,
};

export type PrinterHandlerDeps = Pick<TillContext, 'journal' | 'log'>;

export function printerHandlers(
  ctx: PrinterHandlerDeps,
  deps: { receipt: (debitId: string) => Promise<Receipt> | Receipt },
): Pick<Handlers, PrinterCalls> {
  const read = (): PrinterSettingsView => ({
    ...DEFAULTS,
    ...ctx.journal.settings.get<Partial<PrinterSettingsView>>(KEY),
  });
  return {
    'printer.settings': () => read(),
    'printer.configure': (input) => {
      const next = patchSettings(read(), input);
      if (next.kind === 'network' && !next.host)
        throw new TillError('INPUT_INVALID', 'a network printer needs its address', { field: 'host' });
      ctx.journal.settings.set(KEY, { ...next });
      return next;
    },
    'printer.printReceipt': async (input) => {
      const settings = read();
      if (settings.kind !== 'network' || !settings.host)
        throw new TillError('INPUT_INVALID', 'receipts print from the page on a system printer', {
          field: 'kind',
        });
      // receipt.get names the cashier (receipt.cashierName): the printer prints the receipt as it stands.
      const receipt = await deps.receipt(input.debitId);
      const bytes = escposReceipt(receipt, settings.width);
      await sendToNetworkPrinter({ host: settings.host, port: settings.port }, bytes);
      ctx.log('receipt printed', { printer: 'network', bytes: bytes.length, width: settings.width });
      return { bytes: bytes.length };
    },
  };
}
