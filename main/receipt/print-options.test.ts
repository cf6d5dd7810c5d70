// The silent print's options for Electron's webContents.print (see print-options.ts for the source read).
import { expect, it } from 'vitest';
import { printRequestSchema, receiptPrintOptions } from './print-options';

it('prints silently on the named printer, on a roll-wide page in microns, with no margins', () => {
  expect(receiptPrintOptions({ deviceName: 'EPSON_TM_T20III', widthMm: 80 })).toEqual({
    silent: true,
    printBackground: true,
    deviceName: 'EPSON_TM_T20III',
    margins: { marginType: 'none' },
    pageSize: { width: 80_000, height: 297_000 },
  });
  // The default printer: no deviceName at all (an empty one is an invalid printer for Electron).
  expect(receiptPrintOptions({ deviceName: null, widthMm: 58 })).not.toHaveProperty('deviceName');
  expect(receiptPrintOptions({ deviceName: null, widthMm: 58 }).pageSize.width).toBe(58_000);
});

it('takes from the page only a printer name and one of the two widths', () => {
  expect(printRequestSchema.safeParse({ deviceName: 'x', widthMm: 80 }).success).toBe(true);
  for (const bad of [
    { deviceName: '', widthMm: 80 },
    { deviceName: null, widthMm: 100 },
    { deviceName: null, widthMm: 80, silent: false },
    null,
    'print',
  ]) {
    expect(printRequestSchema.safeParse(bad).success).toBe(false);
  }
});
