// The append: each entry takes the next seq and is hashed over the previous entry's hash, the head row
// moves, and the debit projection follows, all in one IMMEDIATE transaction committed with
// synchronous=FULL. When it returns, the entries are durable; when it throws, nothing was written.
import type Database from 'better-sqlite3';
import { TillError } from '../../preload/contract/errors';
import { prepareAppend, type PreparedAppend } from './append-input';
import { chainHash, entryJson } from './chain-hash';
import type { ChainHead } from './chain-head';
import type { DebitProjectionStore } from './debit-projection';
import type { AppendInput, JournalEntry } from './journal-entry';
import { mapStorageErrors } from './storage-errors';

export class ChainedAppend {
  private readonly insert;
  private readonly appendTx;

  constructor(
    db: Database.Database,
    private readonly head: ChainHead,
    private readonly debits: DebitProjectionStore,
    private readonly now: () => Date,
    private readonly brokenAtOpen: string | null,
  ) {
    this.insert = db.prepare(
      'INSERT INTO entries (seq, device_id, kind, at, cashier_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.appendTx = db.transaction((items: readonly PreparedAppend[]) => this.appendPrepared(items));
  }

  /** A file whose head did not match its last entry at opening takes no append, closures included. */
  refuseIfBroken(): void {
    if (this.brokenAtOpen) throw new TillError('JOURNAL_BROKEN', this.brokenAtOpen);
  }

  /** Several entries in one transaction, gapless. */
  appendAll(inputs: readonly AppendInput[]): JournalEntry[] {
    this.refuseIfBroken();
    const items = inputs.map((input) => prepareAppend(input, this.now));
    if (items.length === 0) return [];
    // IMMEDIATE: take the write lock before reading the head, so another process (the CLI) cannot
    // append between our read and our write.
    return mapStorageErrors(() => this.appendTx.immediate(items));
  }

  /** Appends inside the caller's transaction (which must hold the write lock: IMMEDIATE). */
  appendWithin(inputs: readonly AppendInput[]): JournalEntry[] {
    return this.appendPrepared(inputs.map((input) => prepareAppend(input, this.now)));
  }

  private appendPrepared(items: readonly PreparedAppend[]): JournalEntry[] {
    const head = this.head.read();
    let seq = head.seq;
    let prevHash = head.hash;
    const out: JournalEntry[] = [];
    for (const p of items) {
      seq += 1;
      const fields = { seq, deviceId: head.device_id, kind: p.kind, at: p.at, cashierId: p.cashierId };
      const hash = chainHash(prevHash, entryJson(fields, p.payloadJson));
      this.insert.run(seq, head.device_id, p.kind, p.at, p.cashierId, p.payloadJson, prevHash, hash);
      const entry: JournalEntry = { ...fields, payload: p.payload, prevHash, hash };
      this.debits.apply(entry, 'INPUT_INVALID');
      out.push(entry);
      prevHash = hash;
    }
    this.head.advance(seq, prevHash);
    return out;
  }
}
