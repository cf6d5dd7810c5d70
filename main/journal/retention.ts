// Personal data kept no longer than needed (issue 15 item 6): a youth whose pass was scanned but who was
// never debited here was seen only so staff could check an ID. Their name and birth date go after 24 h,
// swept at start and then every hour while the till runs. Youths with a debit stay until `journal purge`
// or `wipe` (the partner answers for those debits to the Region).
import type { Journal } from './journal';
import { everyWithTimer, type UpkeepOptions } from './upkeep-timer';

export const UNDEBITED_RETENTION_MS = 24 * 3600_000;
export const RETENTION_SWEEP_EVERY_MS = 3600_000;

/** Sweeps now, then periodically; returns the stop function. */
export function startRetentionSweep(journal: Pick<Journal, 'persons'>, opts: UpkeepOptions): () => void {
  const sweep = () => {
    try {
      const removed = journal.persons.purgeUndebited(opts.now() - UNDEBITED_RETENTION_MS);
      if (removed > 0) opts.log('personal data of undebited youths purged', { removed });
    } catch (error) {
      // A full or read-only disk: the names wait for the next sweep, nothing else depends on them.
      opts.log('retention sweep failed', { error: String(error) });
    }
  };
  sweep();
  return (opts.every ?? everyWithTimer)(sweep, RETENTION_SWEEP_EVERY_MS);
}
