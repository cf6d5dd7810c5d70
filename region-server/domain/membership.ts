// Who may join the scheme, and when (regulation III 3.1 and "Dates limites"): aged 15 to 25 on the day of
// joining, or a lycée pupil under 15 eligible to Atouts Livre; joining from 1 July N to 31 May N+1; one
// membership per season. The choices where the text is ambiguous are in docs/regulation-choices.md.
import { parisDay, parisWallToInstant, seasonBounds, seasonOf } from '../../protocol/paris-time';
import { refuse } from './problem';
import type { Outcome } from './problem';
import type { Region } from './region';

export const MIN_AGE = 15;
/** "de 15 à 25 ans": 25 in completed years, so up to the eve of the 26th birthday. */
export const MAX_AGE = 25;

export interface JoiningRequest {
  givenName: string;
  familyName: string;
  birthDate: string;
  season?: number | undefined;
  joinedAt?: string | undefined;
  /** For the under-15 exception: a lycée pupil… */
  lyceen?: boolean | undefined;
  /** …eligible to the Region's Atouts Livre et Équipement professionnel scheme. */
  atoutsLivreEligible?: boolean | undefined;
}

export interface Joining {
  season: number;
  joinedMs: number;
  identity: string;
}

/** `YYYY-MM-DD` that names a real calendar day (2026-02-30 does not). */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

/** Age in completed years on the Paris day `onDay` (both `YYYY-MM-DD`): the birthday itself counts. */
export function ageOn(birthDate: string, onDay: string): number {
  const years = Number(onDay.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDay.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Joining closes at the end of 31 May N+1, Paris time; it opens with the season on 1 July N. */
export function joiningWindow(season: number): { start: number; end: number } {
  return { start: seasonBounds(season).start, end: parisWallToInstant(season + 1, 6, 1) };
}

const fold = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The person behind a membership: what the identity card scanned at sign-up establishes (name and birth
 * date), with case, accents, hyphens and spacing folded, so "Le Gall-Hébert" and "LE GALL HEBERT" are one.
 */
export function identityOf(givenName: string, familyName: string, birthDate: string): string {
  return `${fold(familyName)}|${fold(givenName)}|${birthDate}`;
}

/**
 * When a membership recorded without a date was made: now, except in June of its season, when joining is
 * closed and the back office can only be recording late a joining made in time: the last instant of 31 May.
 * (So a June call records a possible youth, and tests on the real clock do not break every June; a joining
 * *dated* in June is refused.)
 */
function defaultJoining(nowMs: number, season: number, window: { start: number; end: number }): number {
  return nowMs >= window.end && nowMs < seasonBounds(season).end ? window.end - 1 : nowMs;
}

/** Every membership rule, in the order a back-office checks a file; the first broken one is the answer. */
export function checkJoining(region: Region, req: JoiningRequest): Outcome<Joining> {
  const nowMs = region.now();
  const season = req.season ?? seasonOf(req.joinedAt === undefined ? nowMs : Date.parse(req.joinedAt));
  const window = joiningWindow(season);
  const joinedMs =
    req.joinedAt === undefined ? defaultJoining(nowMs, season, window) : Date.parse(req.joinedAt);
  if (joinedMs > nowMs) return refuse('VALIDATION_FAILED', 'joinedAt is after the server clock', 400);
  if (!isCalendarDay(req.birthDate))
    return refuse('VALIDATION_FAILED', `birthDate ${req.birthDate} is not a calendar day`, 400);
  const joinDay = parisDay(joinedMs);
  if (req.birthDate > joinDay) return refuse('VALIDATION_FAILED', 'born after joining', 400);

  if (joinedMs < window.start || joinedMs >= window.end) {
    return refuse(
      'JOINING_CLOSED',
      `joining season ${season} is open from ${season}-07-01 to ${season + 1}-05-31 (Paris); joined ${joinDay}`,
    );
  }

  const age = ageOn(req.birthDate, joinDay);
  if (age > MAX_AGE)
    return refuse('AGE_NOT_ELIGIBLE', `aged ${age} on ${joinDay}: the scheme is for 15 to 25`);
  if (age < MIN_AGE) {
    if (!req.lyceen)
      return refuse('AGE_NOT_ELIGIBLE', `aged ${age} on ${joinDay}: under 15, only a lycée pupil may join`);
    if (!req.atoutsLivreEligible)
      return refuse(
        'ATOUTS_LIVRE_REQUIRED',
        `aged ${age}: a lycée pupil under 15 joins only when eligible to Atouts Livre`,
      );
  }

  const identity = identityOf(req.givenName, req.familyName, req.birthDate);
  const prior = region.db
    .prepare('SELECT id FROM beneficiaries WHERE identity = ? AND season = ?')
    .get(identity, season) as { id: string } | undefined;
  if (prior) return refuse('ALREADY_MEMBER', `already a member for season ${season} as ${prior.id}`, 409);
  return { ok: true, value: { season, joinedMs, identity } };
}
