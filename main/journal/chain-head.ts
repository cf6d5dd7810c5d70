// The chain-head row: the last entry's seq and hash, and the device the file belongs to. It moves in the
// same transaction as every append, so opening a journal of any size reads one row instead of re-hashing.
import type Database from 'better-sqlite3';
import { TillError } from '../../preload/contract/errors';
import { mapStorageErrors } from './storage-errors';

export interface HeadRow {
  seq: number;
  hash: string;
  device_id: string | null;
}

export const HEAD_MISSING = 'the chain-head row is missing: run `till journal verify`';

export class ChainHead {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      head: db.prepare('SELECT seq, hash, device_id FROM chain_head WHERE id = 1'),
      advance: db.prepare('UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1'),
      setDevice: db.prepare('UPDATE chain_head SET device_id = ? WHERE id = 1'),
    };
  }

  /** The row if there is one: what may still be read from a damaged file (verify names the problem). */
  peek(): HeadRow | undefined {
    return this.s.head.get() as HeadRow | undefined;
  }

  /** The row, or JOURNAL_HEAD_MISSING: nothing can be appended or trusted without it. */
  read(): HeadRow {
    const head = this.peek();
    if (!head) throw new TillError('JOURNAL_HEAD_MISSING', HEAD_MISSING);
    return head;
  }

  /** Inside the append's transaction. */
  advance(seq: number, hash: string): void {
    this.s.advance.run(seq, hash);
  }

  /** Once, at enrolment; the same id again is harmless, another is ALREADY_ENROLLED. */
  enrol(id: string): void {
    if (typeof id !== 'string' || id.length === 0 || id.length > 128)
      throw new TillError('INPUT_INVALID', 'device id');
    mapStorageErrors(() =>
      this.db
        .transaction(() => {
          const current = this.read().device_id;
          if (current === id) return;
          if (current !== null)
            throw new TillError('ALREADY_ENROLLED', `this journal belongs to device ${current}`);
          this.s.setDevice.run(id);
        })
        .immediate(),
    );
  }
}
