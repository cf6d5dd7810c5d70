// What a manager typed about a void, beside the chain and never in it: the chain records the reason as a
// code (VOID_REASON_CODES); free text may name a youth, so it is personal data, purged with the names
// (journal purge, wipe).
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { TillError } from '../../preload/contract/errors';
import { cutoffMs } from './persons';

const noteSchema = z.object({
  voidId: z.string().min(1).max(128),
  debitId: z.string().min(1).max(128),
  note: z.string().trim().min(1).max(500),
});

export interface VoidNotes {
  put(n: z.input<typeof noteSchema>): void;
  get(voidId: string): string | undefined;
  all(): string[];
  /** Removes the notes written before `iso` (a date-time, or a Paris day from its start). */
  purgeBefore(iso: string): number;
  purgeAll(): number;
}

export class VoidNoteStore implements VoidNotes {
  private readonly putStmt;
  private readonly getStmt;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.putStmt = db.prepare(
      'INSERT OR REPLACE INTO void_notes (void_id, debit_id, note, at_ms) VALUES (?, ?, ?, ?)',
    );
    this.getStmt = db.prepare('SELECT note FROM void_notes WHERE void_id = ?').pluck();
  }

  put(n: z.input<typeof noteSchema>): void {
    const parsed = noteSchema.safeParse(n);
    if (!parsed.success)
      throw new TillError(
        'INPUT_INVALID',
        'void note: ' + parsed.error.issues.map((i) => i.path.join('.')).join(', '),
      );
    this.putStmt.run(parsed.data.voidId, parsed.data.debitId, parsed.data.note, this.now().getTime());
  }

  get(voidId: string): string | undefined {
    return this.getStmt.get(voidId) as string | undefined;
  }

  all(): string[] {
    return this.db.prepare('SELECT note FROM void_notes').pluck().all() as string[];
  }

  purgeBefore(iso: string): number {
    return this.db.prepare('DELETE FROM void_notes WHERE at_ms < ?').run(cutoffMs(iso)).changes;
  }

  purgeAll(): number {
    return this.db.prepare('DELETE FROM void_notes').run().changes;
  }
}
