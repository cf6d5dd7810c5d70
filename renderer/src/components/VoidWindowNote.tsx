import { useTranslation } from 'react-i18next';
import { parisToday } from '../format/dates';

export function VoidWindowNote({ occurredAt, closed = false }: { occurredAt: string; closed?: boolean }) {
  const { t, i18n } = useTranslation();
  const end = voidWindowEnd(occurredAt, i18n.language);
  return <p className="hint void-window">{closed ? t('void.closed', { end }) : t('void.window', { end })}</p>;
}

/** "26/11/2026 23:59": the last minute of the debit's Paris day. */
function voidWindowEnd(occurredAt: string, language: string): string {
  const day = parisDayOf(occurredAt);
  const [y, m, d] = day.split('-');
  return language.startsWith('en') ? `${d}/${m}/${y} 23:59` : `${d}/${m}/${y} à 23 h 59`;
}

function parisDayOf(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? parisToday() : parisToday(ms);
}
