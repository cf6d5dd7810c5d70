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

/** A month (YYYY-MM) as people say it: 2026-11 → "novembre 2026" ("November 2026" in English). */
export function formatMonth(month: string, language = 'fr'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  // Mid-month at noon UTC is the same month in Paris whatever the season.
  return format(language, { month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15, 12)),
  );
}

/** A closure's period: a day (YYYY-MM-DD) as dd/mm/yyyy, a month (YYYY-MM) by its name. */
export function formatPeriod(period: string, language = 'fr'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return formatBirthDate(period);
  return formatMonth(period, language);
}

/**
 * A day typed the French way (jj/mm/aaaa; dots or hyphens accepted, one-digit day and month too) as
 * YYYY-MM-DD, or null when it is not a real calendar date.
 */
export function parseDay(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The last `count` Paris months, newest first, as YYYY-MM. */
export function recentMonths(count: number, now = Date.now()): string[] {
  const [y, m] = parisDay(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
