// Which downloads the shell lets through (main/shell/shell.ts, session 'will-download'): only files our own
// page made from bytes it holds (a blob: URL of app://till — Gestion's CSV, PDF, archive, diagnostic), each
// then saved where the manager says in the native save dialog. Anything else (a link that slipped in, a
// navigation to a remote file) is cancelled. Kept free of electron so it is tested under Node.
import { isAppUrl } from './security-policy';

export function downloadAllowed(pageUrl: string | null, downloadUrl: string, indexUrl: string): boolean {
  if (pageUrl === null || !isAppUrl(pageUrl, indexUrl)) return false;
  // A blob: URL carries its creator's address (blob:app://till/<uuid>): only our page's own.
  return downloadUrl.startsWith('blob:') && isAppUrl(downloadUrl.slice('blob:'.length), indexUrl);
}
