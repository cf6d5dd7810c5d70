// How long the till keeps the names and birth dates of youths it has debited (issue 16): a manager purges
// before a date from Gestion, and may set a retention period in months after which the till purges by
// itself (checked at start and every hour). The chain holds no names, so it verifies the same afterwards.
// Youths scanned but never debited go after 24 h whatever this says (main/journal/retention.ts).
import type { PrivacyView } from '../../preload/contract/manage';
import type { Journal } from '../journal/journal';
import { everyWithTimer, type UpkeepOptions } from '../journal/upkeep-timer';

const RETENTION_KEY = 'privacy.retentionMonths';
const LAST_PURGE_KEY = 'privacy.lastPurge';
const CHECK_EVERY_MS = 3600_000;

export function privacyView(journal: Journal): PrivacyView {
  return {
    retentionMonths: journal.settings.get<number | null>(RETENTION_KEY) ?? null,
    lastPurge: journal.settings.get<PrivacyView['lastPurge']>(LAST_PURGE_KEY) ?? null,
  };
}

export function setRetention(journal: Journal, months: number | null): PrivacyView {
  journal.settings.set(RETENTION_KEY, months);
  return privacyView(journal);
}

/**
 * Purges the personal data of everyone not seen since `before` (an ISO instant), and the void notes
 * older than it. Gestion and `till journal purge` (main/cli/journal-commands.ts) both call it.
 */
export function purgePersonalData(
  journal: Journal,
  before: string,
  trigger: 'manual' | 'automatic',
  now: Date,
): number {
  // Notes first: the persons purge then checkpoints the WAL for both.
  journal.voidNotes.purgeBefore(before);
  const persons = journal.persons.purgeBefore(before);
  journal.settings.set(LAST_PURGE_KEY, { at: now.toISOString(), before, persons, trigger });
  return persons;
}

/** The instant `months` calendar months before `nowMs` (the end of a month clamps: 31 March − 1 → 28/29 Feb). */
export function monthsBefore(nowMs: number, months: number): string {
  const d = new Date(nowMs);
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() - months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}

/** Starts the automatic purge (a no-op while no retention is set); returns the stop function. */
export function startAutomaticPurge(journal: Journal, opts: UpkeepOptions): () => void {
  const sweep = () => {
    const months = privacyView(journal).retentionMonths;
    if (months === null) return;
    try {
      const removed = purgePersonalData(
        journal,
        monthsBefore(opts.now(), months),
        'automatic',
        new Date(opts.now()),
      );
      if (removed > 0) opts.log('personal data purged after the retention period', { removed, months });
    } catch (error) {
      // A full or read-only disk: the purge waits for the next sweep.
      opts.log('automatic purge failed', { error: String(error) });
    }
  };
  sweep();
  return (opts.every ?? everyWithTimer)(sweep, CHECK_EVERY_MS);
}
