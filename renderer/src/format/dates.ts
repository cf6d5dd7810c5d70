// Dates as the counter reads them: always Europe/Paris, whatever the computer's own zone.
import { PARIS, parisDay } from '../../../protocol/paris-time';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = language.startsWith('en') ? 'en-GB' : 'fr-FR';
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: PARIS });
    formats.set(key, f);
  }
  return f;
}

const valid = (iso: string): Date | null => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** "26/11/2026 14:05" */
export function formatDateTime(iso: string | null | undefined, language = 'fr'): string {
  const d = iso ? valid(iso) : null;
  return d ? format(language, { dateStyle: 'short', timeStyle: 'short' }).format(d) : '—';
}

export function formatDate(iso: string | null | undefined, language = 'fr'): string {
  const d = iso ? valid(iso) : null;
  return d ? format(language, { dateStyle: 'short' }).format(d) : '—';
}

export function formatTime(iso: string | null | undefined, language = 'fr'): string {
  const d = iso ? valid(iso) : null;
  return d ? format(language, { timeStyle: 'medium' }).format(d) : '—';
}

/** A calendar date (YYYY-MM-DD, no instant): 2007-03-14 → 14/03/2007. */
export function formatBirthDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** Today's Paris business day, YYYY-MM-DD. */
export function parisToday(now = Date.now()): string {
  return parisDay(now);
}

/** Whether a debit made at `iso` may still be voided at `now`: the same Paris day only. */
export function voidWindowOpen(iso: string, now = Date.now()): boolean {
  const d = valid(iso);
  return d !== null && parisDay(d.getTime()) === parisDay(now);
}
