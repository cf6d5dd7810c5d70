// After a restore (main/backup/restore-journal.ts), once the Region answers: does the Region hold entries of
// this device past the restored head (debits made after the backup was taken)? The chain records it if so
// (RESTORED, stage 'behind-region': the Region's last anchored seq and the restored head), and the restore is
// declared to the Region (an anchor of kind 'restore'), which then records the lost range as a declared gap.
import type { AnchorService } from '../../anchors/anchor-service';
import { checkAgainstAnchors, fetchAnchors } from '../../anchors/verify-against-region';
import { PENDING_RESTORE_KEY, type PendingRestore } from '../../backup/restore-journal';
import type { Journal } from '../../journal/journal';
import type { RegionClient } from '../../region/client';

export type RegionRestoreCheck =
  | { done: false; reason: 'NOTHING_PENDING' | 'REGION_UNREACHABLE' }
  | { done: true; behind: boolean; regionSeq: number; headSeq: number };

/**
 * After a restore, once the Region answers: records in the chain whether the Region saw entries past the
 * restored head (debits made after the backup), then declares the restore to the Region.
 */
export function reconcileRestoreWithRegion(
  journal: Journal,
  client: RegionClient | null,
  anchors: Pick<AnchorService, 'declareRestore'>,
): Promise<RegionRestoreCheck> {
  // One look at a time per journal: two at once would both find the restore pending and record it twice.
  const running = inFlight.get(journal);
  if (running) return running;
  const look = lookOnce(journal, client, anchors).finally(() => inFlight.delete(journal));
  inFlight.set(journal, look);
  return look;
}

const inFlight = new WeakMap<Journal, Promise<RegionRestoreCheck>>();

async function lookOnce(
  journal: Journal,
  client: RegionClient | null,
  anchors: Pick<AnchorService, 'declareRestore'>,
): Promise<RegionRestoreCheck> {
  const pending = journal.settings.get<PendingRestore | null>(PENDING_RESTORE_KEY);
  if (!pending) return { done: false, reason: 'NOTHING_PENDING' };
  if (!client) return { done: false, reason: 'REGION_UNREACHABLE' };
  const fetched = await fetchAnchors(client);
  if (fetched.kind !== 'ok') return { done: false, reason: 'REGION_UNREACHABLE' };
  const check = checkAgainstAnchors(journal, fetched.value);
  const regionSeq = fetched.value
    .filter((a) => !a.conflict && !a.superseded)
    .reduce((max, a) => Math.max(max, a.seq), 0);
  const behind = check.findings.some((f) => f.problem === 'TRUNCATED') || regionSeq > pending.headSeq;
  if (behind) {
    journal.append({
      kind: 'RESTORED',
      cashierId: null,
      payload: { stage: 'behind-region', regionSeq, headSeq: pending.headSeq, file: pending.file },
    });
  }
  const declared = await anchors.declareRestore();
  if (declared.kind !== 'ok' && declared.kind !== 'refused')
    return { done: false, reason: 'REGION_UNREACHABLE' };
  journal.settings.set(PENDING_RESTORE_KEY, null);
  return { done: true, behind, regionSeq, headSeq: pending.headSeq };
}
