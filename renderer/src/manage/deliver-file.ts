// Hands a file the core made (preload/contract/manage.ts: base64 in the call's answer) to the host's own
// save path. A download in both hosts: in a browser it goes to the downloads folder (or asks, as the
// browser is set); in Electron, the main process's `will-download` handler opens the native save dialog
// (main/shell/shell.ts), since the page itself may not touch the disk.
import type { ExportedFile } from '../../../preload/contract';

export function fileBytes(file: ExportedFile): Uint8Array<ArrayBuffer> {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function deliverFile(file: ExportedFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([fileBytes(file)], { type: file.mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL is freed after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "1,2 Mo" / "850 o": the size a manager reads. */
export function formatBytes(bytes: number, language = 'fr'): string {
  const units = language === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
