// Seasons, business days and statement months are reckoned in Europe/Paris local time (region-api.md).
// Everything here takes an instant (ms since epoch) and answers in Paris terms, whatever the host's zone.

export const PARIS = 'Europe/Paris';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface ParisParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function parisParts(instantMs: number): ParisParts {
  const out: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of the Paris business day containing the instant. */
export function parisDay(instantMs: number): string {
  const p = parisParts(instantMs);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYY-MM` of the Paris calendar month containing the instant (statement month). */
export function parisMonth(instantMs: number): string {
  return parisDay(instantMs).slice(0, 7);
}

/** Offset of Paris from UTC at that instant, in ms (3600000 in winter, 7200000 in summer). */
function parisOffsetMs(instantMs: number): number {
  const p = parisParts(instantMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant of a Paris wall-clock time (the first one, should it occur twice at a DST change). */
export function parisWallToInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - parisOffsetMs(guess);
  return guess - parisOffsetMs(first);
}

/** Start (inclusive) of the Paris day `YYYY-MM-DD`, and start of the next one (exclusive end). */
export function parisDayBounds(day: string): { start: number; end: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = parisWallToInstant(y, m, d);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const end = parisWallToInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
  return { start, end };
}

/** Start (inclusive) and end (exclusive) of the Paris month `YYYY-MM`. */
export function parisMonthBounds(month: string): { start: number; end: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = parisWallToInstant(y, m, 1);
  const end = m === 12 ? parisWallToInstant(y + 1, 1, 1) : parisWallToInstant(y, m + 1, 1);
  return { start, end };
}

/**
 * The season (start year N) containing the instant: 1 July N 00:00 to 30 June N+1 23:59:59, Paris time.
 */
export function seasonOf(instantMs: number): number {
  const p = parisParts(instantMs);
  return p.month >= 7 ? p.year : p.year - 1;
}

/** Start (inclusive) and end (exclusive: 1 July N+1 00:00 Paris) of season N. */
export function seasonBounds(season: number): { start: number; end: number } {
  return { start: parisWallToInstant(season, 7, 1), end: parisWallToInstant(season + 1, 7, 1) };
}

export function isInSeason(instantMs: number, season: number): boolean {
  const { start, end } = seasonBounds(season);
  return instantMs >= start && instantMs < end;
}
