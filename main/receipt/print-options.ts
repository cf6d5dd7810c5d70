// The options the shell gives webContents.print() for a receipt on a system printer (issue 16): silent (no
// dialog at the counter), on the printer Réglages names, sized for the roll. Kept free of electron so it is
// tested under Node. Electron's lib/browser/api/web-contents.ts (print): an object `pageSize` is
// { width, height } in microns, each at least 353, turned into a CUSTOM media size; `deviceName` must be a
// printer's `name` from getPrintersAsync(), and an unknown one fails the print ("Invalid deviceName").
import { z } from 'zod';

export const printRequestSchema = z
  .object({
    deviceName: z.string().min(1).max(256).nullable(),
    widthMm: z.union([z.literal(80), z.literal(58)]),
  })
  .strict();
export type PrintRequest = z.infer<typeof printRequestSchema>;

/** A roll is cut by the printer after the content: the page is a long strip. */
export const RECEIPT_STRIP_HEIGHT_MM = 297;

export interface ReceiptPrintOptions {
  silent: true;
  printBackground: true;
  deviceName?: string;
  margins: { marginType: 'none' };
  pageSize: { width: number; height: number };
}

export function receiptPrintOptions(request: PrintRequest): ReceiptPrintOptions {
  return {
    silent: true,
    printBackground: true,
    ...(request.deviceName ? { deviceName: request.deviceName } : {}),
    margins: { marginType: 'none' },
    pageSize: { width: request.widthMm * 1000, height: RECEIPT_STRIP_HEIGHT_MM * 1000 },
  };
}
