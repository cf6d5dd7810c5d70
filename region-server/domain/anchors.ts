// Journal anchors (region-api.md): the Region keeps a till's chain head (seq, hash) at the moments the till
// reports it, so that a journal cut, rewritten or restored from an old copy shows against evidence the
// till does not hold. For one device the anchored seq never goes down and one seq has one hash; an anchor
// that contradicts one still binding is refused (409 ANCHOR_CONFLICT) and kept, marked. A declared restore
// is accepted: the anchors above its seq stop binding and the range they covered is recorded as a gap.
import type {
  AnchorConflict,
  AnchorGap,
  AnchorItem,
  AnchorKind,
  AnchorReceipt,
  AnchorRequest,
  ClosureSummary,
} from '../../protocol/anchors';
import type { Device } from './partners';
import { ok } from './problem';
import type { Outcome, Problem } from './problem';
import type { Region } from './region';

interface AnchorRow {
  id: string;
  device_id: string;
  seq: number;
  hash: string;
  at: string;
  kind: AnchorKind;
  closure: string | null;
  received_at: string;
  conflict: string | null;
  gap_from: number | null;
  gap_to: number | null;
  binding: number;
  superseded_at: string | null;
  arrival: number;
}

export function toAnchorItem(r: AnchorRow): AnchorItem {
  const gap: AnchorGap | null =
    r.gap_from !== null && r.gap_to !== null ? { fromSeq: r.gap_from, toSeq: r.gap_to } : null;
  return {
    id: r.id,
    seq: r.seq,
    hash: r.hash,
    at: r.at,
    kind: r.kind,
    receivedAt: r.received_at,
    ...(r.closure ? { closure: JSON.parse(r.closure) as ClosureSummary } : {}),
    ...(r.conflict ? { conflict: JSON.parse(r.conflict) as AnchorConflict } : {}),
    ...(gap ? { gap } : {}),
    ...(r.superseded_at ? { superseded: true } : {}),
  };
}

function closureAnchors(region: Region, deviceId: string): { row: AnchorRow; closure: ClosureSummary }[] {
  const rows = region.db
    .prepare(
      "SELECT * FROM anchors WHERE device_id = ? AND binding = 1 AND kind = 'closure' ORDER BY arrival",
    )
    .all(deviceId) as AnchorRow[];
  return rows.map((row) => ({ row, closure: JSON.parse(row.closure ?? '{}') as ClosureSummary }));
}

const sameTotals = (a: ClosureSummary, b: ClosureSummary): boolean =>
  a.count === b.count && a.totalCents === b.totalCents && a.grandTotalCents === b.grandTotalCents;

/** The binding anchor that `req` contradicts, if any (the anchor at its seq, else the highest one). */
function contradiction(region: Region, deviceId: string, req: AnchorRequest): AnchorConflict | null {
  const sameSeq = region.db
    .prepare(
      'SELECT * FROM anchors WHERE device_id = ? AND binding = 1 AND seq = ? AND hash <> ? ORDER BY arrival LIMIT 1',
    )
    .get(deviceId, req.seq, req.hash) as AnchorRow | undefined;
  if (sameSeq)
    return {
      reason: 'HASH_MISMATCH',
      anchoredSeq: sameSeq.seq,
      anchoredHash: sameSeq.hash,
      anchoredAt: sameSeq.at,
    };
  if (req.closure) {
    const sealed = closureAnchors(region, deviceId).find(
      (a) => a.closure.kind === req.closure?.kind && a.closure.period === req.closure.period,
    );
    if (sealed && !sameTotals(sealed.closure, req.closure))
      return {
        reason: 'CLOSURE_CHANGED',
        anchoredSeq: sealed.row.seq,
        anchoredHash: sealed.row.hash,
        anchoredAt: sealed.row.at,
      };
  }
  if (req.kind === 'restore') return null;
  const highest = region.db
    .prepare('SELECT * FROM anchors WHERE device_id = ? AND binding = 1 ORDER BY seq DESC, arrival LIMIT 1')
    .get(deviceId) as AnchorRow | undefined;
  // Below the highest binding anchor, only a repeat of a pair the Region already holds is consistent.
  if (highest && req.seq < highest.seq) {
    const known = region.db
      .prepare('SELECT 1 FROM anchors WHERE device_id = ? AND binding = 1 AND seq = ? AND hash = ?')
      .get(deviceId, req.seq, req.hash);
    if (!known)
      return {
        reason: 'SEQ_WENT_DOWN',
        anchoredSeq: highest.seq,
        anchoredHash: highest.hash,
        anchoredAt: highest.at,
      };
  }
  return null;
}

/**
 * Records one anchor. The caller runs it with the idempotency record (the anchor's `id`), so a replay
 * answers the first outcome, the 409 included, and records nothing twice.
 */
export function recordAnchor(region: Region, device: Device, req: AnchorRequest): Outcome<AnchorReceipt> {
  const receivedAt = region.nowIso();
  const conflict = contradiction(region, device.id, req);
  let gap: AnchorGap | null = null;
  if (!conflict && req.kind === 'restore') {
    // The anchored part of the chain above the restored head is declared lost: it stops binding, and
    // stays listed, so both sides see what the restore gave up.
    const above = region.db
      .prepare('SELECT MAX(seq) AS top FROM anchors WHERE device_id = ? AND binding = 1 AND seq > ?')
      .get(device.id, req.seq) as {
      top: number | null;
    };
    if (above.top !== null) {
      gap = { fromSeq: req.seq + 1, toSeq: above.top };
      region.db
        .prepare(
          'UPDATE anchors SET binding = 0, superseded_at = ? WHERE device_id = ? AND binding = 1 AND seq > ?',
        )
        .run(receivedAt, device.id, req.seq);
    }
  }
  const arrival = (
    region.db.prepare('SELECT COALESCE(MAX(arrival), 0) + 1 AS n FROM anchors').get() as { n: number }
  ).n;
  region.db
    .prepare(
      `INSERT INTO anchors (id, device_id, seq, hash, at, kind, closure, received_at, conflict, gap_from, gap_to, binding, arrival)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      req.id,
      device.id,
      req.seq,
      req.hash,
      req.at,
      req.kind,
      req.closure ? JSON.stringify(req.closure) : null,
      receivedAt,
      conflict ? JSON.stringify(conflict) : null,
      gap?.fromSeq ?? null,
      gap?.toSeq ?? null,
      conflict ? 0 : 1,
      arrival,
    );
  if (conflict) {
    const problem: Problem = {
      status: 409,
      code: 'ANCHOR_CONFLICT',
      detail:
        conflict.reason === 'HASH_MISMATCH'
          ? `seq ${req.seq} was anchored with another hash at ${conflict.anchoredAt}`
          : `seq ${req.seq} is below seq ${conflict.anchoredSeq}, anchored at ${conflict.anchoredAt}, and no restore was declared`,
      extra: { conflict },
    };
    return { ok: false, problem };
  }
  return ok({ seq: req.seq, hash: req.hash, receivedAt });
}

/** A page of the device's anchors from `fromSeq`, by seq then arrival, never splitting one seq's anchors. */
export function pageAnchors(
  region: Region,
  deviceId: string,
  fromSeq: number,
  limit: number,
): { items: AnchorItem[]; nextSeq: number | null } {
  const rows = region.db
    .prepare('SELECT * FROM anchors WHERE device_id = ? AND seq >= ? ORDER BY seq, arrival LIMIT ?')
    .all(deviceId, fromSeq, limit + 1) as AnchorRow[];
  if (rows.length <= limit) return { items: rows.map(toAnchorItem), nextSeq: null };
  const cut = rows[limit]?.seq ?? 0;
  let page = rows.slice(0, limit).filter((r) => r.seq < cut);
  // One seq holds more anchors than a page: that seq's anchors all come in this page.
  if (page.length === 0)
    page = region.db
      .prepare('SELECT * FROM anchors WHERE device_id = ? AND seq = ? ORDER BY arrival')
      .all(deviceId, cut) as AnchorRow[];
  const last = page.at(-1)?.seq ?? cut;
  const more =
    region.db.prepare('SELECT 1 FROM anchors WHERE device_id = ? AND seq > ? LIMIT 1').get(deviceId, last) !==
    undefined;
  return { items: page.map(toAnchorItem), nextSeq: more ? last + 1 : null };
}

/** Every anchor of the device, for the auditor. */
export function allAnchors(region: Region, deviceId: string): AnchorItem[] {
  return (
    region.db
      .prepare('SELECT * FROM anchors WHERE device_id = ? ORDER BY seq, arrival')
      .all(deviceId) as AnchorRow[]
  ).map(toAnchorItem);
}
