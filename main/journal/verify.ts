// Walks the whole chain in bounded memory (one row and one look-ahead at a time) and names the first
// entry that breaks it, and how; then recomputes every closure and the projections from the entries
// (closure-replay.ts, memory bounded by the number of debits). A local chain cannot stop someone who rewrites every hash after an
// edit and the head too (the recipe is public); closures' lastHash, printed and sent on, anchor it.
import type Database from 'better-sqlite3';
import { GENESIS_HASH, chainHash, entryJson } from './chain-hash';
import { replayJournal } from './closure-replay';

export type ChainProblem =
  /** The entry's content no longer matches its hash (or its hash was rewritten). */
  | 'EDITED'
  /** The sequence jumps: entries were removed and nothing renumbered. */
  | 'GAP'
  /** An entry was removed and the ones after it renumbered to hide the gap. */
  | 'DELETED'
  /** An entry that the chain does not link through was added. */
  | 'INSERTED'
  /** Two neighbouring entries swapped places. */
  | 'REORDERED'
  /** The entries end somewhere other than the recorded head. */
  | 'HEAD_MISMATCH'
  /** The chain-head row itself is gone (the entries may be intact). */
  | 'HEAD_MISSING'
  /** A closure's totals, count, grand total, lastSeq or lastHash differ from what the chain gives at its place. */
  | 'CLOSURE_MISMATCH'
  /** The debits (or closures) table differs from the state the chain's entries define. */
  | 'PROJECTION_MISMATCH'
  /** Intact entries whose facts contradict each other (a void of an unknown debit, a second closure of a period…). */
  | 'FACTS_INCONSISTENT';

export type VerifyResult =
  | { ok: true; count: number; head: { seq: number; hash: string } }
  | { ok: false; seq: number; problem: ChainProblem; detail: string };

export interface EntryRow {
  seq: number;
  device_id: string | null;
  kind: string;
  at: string;
  cashier_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export function hashOfRow(r: EntryRow, seq: number = r.seq): string {
  return chainHash(
    r.prev_hash,
    entryJson(
      { seq, deviceId: r.device_id, kind: r.kind, at: r.at, cashierId: r.cashier_id },
      r.payload,
      'storage',
    ),
  );
}

function classify(
  r: EntryRow,
  next: EntryRow | undefined,
  prevHash: string,
  prevPrevHash: string | null,
): { seq: number; problem: ChainProblem; detail: string } {
  const linked = r.prev_hash === prevHash;
  const sealed = hashOfRow(r) === r.hash;
  if (linked) {
    if (next && next.prev_hash === prevHash) {
      return {
        seq: r.seq,
        problem: 'INSERTED',
        detail: `entry ${r.seq} does not belong: entry ${next.seq} links straight to entry ${r.seq - 1}`,
      };
    }
    return { seq: r.seq, problem: 'EDITED', detail: `entry ${r.seq} (${r.kind}) no longer matches its hash` };
  }
  if (next && next.prev_hash === prevHash && r.prev_hash === next.hash) {
    return { seq: r.seq, problem: 'REORDERED', detail: `entries ${r.seq} and ${next.seq} swapped places` };
  }
  if (prevPrevHash !== null && r.prev_hash === prevPrevHash) {
    return {
      seq: r.seq - 1,
      problem: 'INSERTED',
      detail: `entry ${r.seq - 1} does not belong: entry ${r.seq} links straight to entry ${r.seq - 2}`,
    };
  }
  if (hashOfRow(r, r.seq + 1) === r.hash) {
    return {
      seq: r.seq,
      problem: 'DELETED',
      detail: `the entry at ${r.seq} was removed and the later ones renumbered (entry ${r.seq} was sealed as ${r.seq + 1})`,
    };
  }
  if (sealed) {
    return {
      seq: r.seq - 1,
      problem: 'EDITED',
      detail: `entry ${r.seq - 1} was rewritten and re-hashed: entry ${r.seq} still links to its former hash`,
    };
  }
  return { seq: r.seq, problem: 'EDITED', detail: `entry ${r.seq} matches neither its hash nor the chain` };
}

export function verifyChain(db: Database.Database): VerifyResult {
  const walk = db.transaction((): VerifyResult => {
    const head = db.prepare('SELECT seq, hash FROM chain_head WHERE id = 1').get() as
      { seq: number; hash: string } | undefined;
    const rows = db
      .prepare(
        'SELECT seq, device_id, kind, at, cashier_id, payload, prev_hash, hash FROM entries ORDER BY seq',
      )
      .iterate() as IterableIterator<EntryRow>;
    let expected = 1;
    let prevHash = GENESIS_HASH;
    let prevPrevHash: string | null = null;
    let count = 0;
    let pending = rows.next();
    try {
      while (!pending.done) {
        const r = pending.value;
        pending = rows.next();
        const next = pending.done ? undefined : pending.value;
        if (r.seq !== expected) {
          return {
            ok: false,
            seq: expected,
            problem: 'GAP',
            detail: `entries ${expected}..${r.seq - 1} are missing`,
          };
        }
        if (r.prev_hash !== prevHash || hashOfRow(r) !== r.hash) {
          return { ok: false, ...classify(r, next, prevHash, prevPrevHash) };
        }
        prevPrevHash = prevHash;
        prevHash = r.hash;
        expected += 1;
        count += 1;
      }
    } finally {
      rows.return?.();
    }
    const last = expected - 1;
    if (!head)
      return {
        ok: false,
        seq: last,
        problem: 'HEAD_MISSING',
        detail: `the chain-head row is missing (the entries 1..${last} link intact)`,
      };
    if (head.seq > last) {
      return {
        ok: false,
        seq: last + 1,
        problem: 'DELETED',
        detail: `the head records entry ${head.seq} but the journal ends at ${last}: the last entries were removed`,
      };
    }
    if (head.seq < last) {
      return {
        ok: false,
        seq: head.seq + 1,
        problem: 'INSERTED',
        detail: `entries ${head.seq + 1}..${last} were added after the recorded head`,
      };
    }
    if (head.hash !== prevHash) {
      return {
        ok: false,
        seq: last,
        problem: 'HEAD_MISMATCH',
        detail: `the head's hash differs from entry ${last}'s`,
      };
    }
    return { ok: true, count, head: { seq: head.seq, hash: head.hash } };
  });
  return walk.deferred();
}

/**
 * Everything `journal verify` checks: the chain (verifyChain), then every closure recomputed from the
 * chain at its own place (totals, count, grand total, firstSeq, lastSeq, lastHash, corrections), then the
 * debits and closures tables against the state the entries define.
 */
export function verifyJournal(db: Database.Database): VerifyResult {
  return db
    .transaction((): VerifyResult => {
      const chain = verifyChain(db);
      if (!chain.ok) return chain;
      const finding = replayJournal(db, { check: true });
      return finding ? { ok: false, ...finding } : chain;
    })
    .deferred();
}
