// Closing a day or a month: the closure entry is appended in the transaction that proves the chain intact
// and replays it, so its totals are what the chain says at that place (closures.ts, closure-replay.ts).
import type Database from 'better-sqlite3';
import { TillError } from '../../preload/contract/errors';
import type { ChainHead } from './chain-head';
import type { ChainedAppend } from './chained-append';
import { replayJournal } from './closure-replay';
import { closurePeriod, type ClosureKind } from './closures';
import type { JournalEntry } from './journal-entry';
import { mapStorageErrors } from './storage-errors';
import { verifyChain } from './verify';

export class PeriodClosing {
  private readonly closureStmt;

  constructor(
    private readonly db: Database.Database,
    private readonly head: ChainHead,
    private readonly chained: ChainedAppend,
    private readonly now: () => Date,
  ) {
    this.closureStmt = db.prepare('SELECT seq FROM closures WHERE kind = ? AND period = ?');
  }

  /** The seq of the period's closure entry, if it was closed. */
  closureSeq(kind: ClosureKind, period: string): number | undefined {
    return (this.closureStmt.get(kind, period) as { seq: number } | undefined)?.seq;
  }

  /** CLOSURE_PENDING_DEBITS while a debit of the period awaits the Region; PERIOD_ALREADY_CLOSED once done. */
  close(kind: ClosureKind, period: string, cashierId: string | null): JournalEntry {
    this.chained.refuseIfBroken();
    const { start, end } = closurePeriod({ kind, period, nowMs: this.now().getTime() });
    const tx = this.db.transaction((): JournalEntry => {
      const existing = this.closureSeq(kind, period);
      if (existing !== undefined)
        throw new TillError('PERIOD_ALREADY_CLOSED', `${period} was closed by entry ${existing}`, {
          period,
          seq: existing,
        });
      // The totals come from the chain itself, proven intact first: the debits table is only a cache
      // a file editor could have rewritten (issue 15).
      const chain = verifyChain(this.db);
      if (!chain.ok) throw new TillError('JOURNAL_BROKEN', `entry ${chain.seq}: ${chain.detail}`);
      const replay = replayJournal(this.db);
      try {
        const waiting = replay.projection.awaitingIn(start, end);
        if (waiting > 0) {
          throw new TillError(
            'CLOSURE_PENDING_DEBITS',
            `${waiting} debit(s) of ${period} still await the Region`,
            { count: waiting, period },
          );
        }
        const head = this.head.read();
        const payload = replay.expected(kind, period, head.seq, head.hash);
        const [entry] = this.chained.appendWithin([
          { kind: kind === 'day' ? 'DAY_CLOSED' : 'MONTH_CLOSED', payload: { ...payload }, cashierId },
        ]);
        return entry!;
      } finally {
        replay.close();
      }
    });
    return mapStorageErrors(() => tx.immediate());
  }
}
