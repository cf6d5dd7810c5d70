// `journal verify --against-region`: the local chain checks itself; only the Region's anchors can show that
// its tail was cut off or that the whole chain was recomputed (the hashes would still link). Each anchor the
// Region holds (and that no declared restore superseded) must be an entry of this journal with the same hash.
import type { AnchorItem } from '../../protocol/anchors';
import type { Journal } from '../journal/journal';
import type { RegionClient, RegionOutcome } from '../region/client';

export type AnchorProblem =
  /** The Region holds an anchor past this journal's head: its tail is gone (cut, or an old copy restored undeclared). */
  | 'TRUNCATED'
  /** An anchored entry has another hash here: the chain was rewritten from there on. */
  | 'REWRITTEN'
  /** The Region has on record a head from this device that contradicted an earlier one. */
  | 'CONFLICT_RECORDED';

export interface AnchorFinding {
  problem: AnchorProblem;
  seq: number;
  detail: string;
}

export interface RegionCheck {
  ok: boolean;
  /** The highest anchored entry this journal matches: "conforme à la Région jusqu'à l'écriture n° N". */
  confirmedUpTo: number;
  anchors: number;
  /** Restores this device declared: anchored ranges it gave up, in the open. */
  gaps: { fromSeq: number; toSeq: number }[];
  findings: AnchorFinding[];
}

export function checkAgainstAnchors(
  journal: Pick<Journal, 'get' | 'head'>,
  anchors: readonly AnchorItem[],
): RegionCheck {
  const head = journal.head();
  const findings: AnchorFinding[] = [];
  const gaps = anchors.flatMap((a) => (a.gap ? [a.gap] : []));
  let confirmedUpTo = 0;
  const binding = anchors.filter((a) => !a.conflict && !a.superseded).sort((a, b) => a.seq - b.seq);
  for (const anchor of binding) {
    if (anchor.seq === 0) continue;
    const entry = journal.get(anchor.seq);
    if (!entry) {
      findings.push({
        problem: 'TRUNCATED',
        seq: anchor.seq,
        detail: `the Region holds entry ${anchor.seq} (${anchor.kind}, ${anchor.at}); this journal ends at ${head.seq}`,
      });
      break;
    }
    if (entry.hash !== anchor.hash) {
      findings.push({
        problem: 'REWRITTEN',
        seq: anchor.seq,
        detail: `entry ${anchor.seq} has another hash than the one the Region anchored on ${anchor.receivedAt}`,
      });
      break;
    }
    confirmedUpTo = anchor.seq;
  }
  for (const anchor of anchors) {
    if (anchor.conflict)
      findings.push({
        problem: 'CONFLICT_RECORDED',
        seq: anchor.seq,
        detail: `the Region refused a head ${anchor.seq} on ${anchor.receivedAt}: ${anchor.conflict.reason} (anchored ${anchor.conflict.anchoredSeq})`,
      });
  }
  return { ok: findings.length === 0, confirmedUpTo, anchors: anchors.length, gaps, findings };
}

/** Every anchor the Region holds for this device, page by page. */
export async function fetchAnchors(client: RegionClient): Promise<RegionOutcome<AnchorItem[]>> {
  const all: AnchorItem[] = [];
  let fromSeq = 0;
  for (let page = 0; page < 10_000; page += 1) {
    const answer = await client.anchors(fromSeq);
    if (answer.kind !== 'ok') return answer;
    all.push(...answer.value.items);
    if (answer.value.nextSeq === null) return { kind: 'ok', status: 200, value: all };
    if (answer.value.nextSeq <= fromSeq)
      return { kind: 'unknown', detail: `anchor pages do not advance at ${fromSeq}` };
    fromSeq = answer.value.nextSeq;
  }
  return { kind: 'unknown', detail: 'too many anchor pages' };
}
