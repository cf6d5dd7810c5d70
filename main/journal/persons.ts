// Beneficiaries' names and birth dates, kept so staff can check an ID (regulation 4.2.2), outside the
// hash chain so they can be purged (retention, end of partnership) without touching the evidence.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { parisDayBounds } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';

export interface Person {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  lastSeenAt: string;
}

const personSchema = z.object({
  id: z.string().min(1).max(128),
  givenName: z.string().max(200),
  familyName: z.string().max(200),
  birthDate: z.string().max(32),
});
export type PersonInput = z.input<typeof personSchema>;

export interface Persons {
  /** Records (or refreshes) a beneficiary seen now. Extra properties of `p` are ignored. */
  upsert(p: PersonInput): void;
  get(id: string): Person | undefined;
  /** Everyone recorded (wipe collects the values it must find nowhere afterwards). */
  all(): Person[];
  /** Removes everyone not seen since `iso` (a date-time, or a Paris day `YYYY-MM-DD` from its start). */
  purgeBefore(iso: string): number;
  /** Removes everyone, and compacts the file so the names leave its free pages too. */
  purgeAll(): number;
  /**
   * Removes the youths scanned but never debited here, not seen since `olderThanMs` (epoch ms): their
   * name was needed only to check an ID at the counter (the retention sweep runs this for 24 h).
   */
  purgeUndebited(olderThanMs: number): number;
}

/** A date-time, or a Paris day taken from its first instant. */
export function cutoffMs(iso: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return parisDayBounds(iso).start;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new TillError('INPUT_INVALID', `not a date: ${iso}`);
  return ms;
}

export class PersonStore implements Persons {
  private readonly upsertStmt;
  private readonly getStmt;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.upsertStmt =
      db.prepare(`INSERT INTO persons (id, given_name, family_name, birth_date, last_seen_at, last_seen_ms)
      VALUES (@id, @givenName, @familyName, @birthDate, @at, @ms)
      ON CONFLICT (id) DO UPDATE SET given_name = excluded.given_name, family_name = excluded.family_name,
        birth_date = excluded.birth_date, last_seen_at = excluded.last_seen_at, last_seen_ms = excluded.last_seen_ms`);
    this.getStmt = db.prepare(
      'SELECT id, given_name, family_name, birth_date, last_seen_at FROM persons WHERE id = ?',
    );
  }

  upsert(p: PersonInput): void {
    const parsed = personSchema.safeParse(p);
    if (!parsed.success)
      throw new TillError(
        'INPUT_INVALID',
        'person: ' + parsed.error.issues.map((i) => i.path.join('.')).join(', '),
      );
    const at = this.now();
    this.upsertStmt.run({ ...parsed.data, at: at.toISOString(), ms: at.getTime() });
  }

  get(id: string): Person | undefined {
    const r = this.getStmt.get(id) as
      | { id: string; given_name: string; family_name: string; birth_date: string; last_seen_at: string }
      | undefined;
    return (
      r && {
        id: r.id,
        givenName: r.given_name,
        familyName: r.family_name,
        birthDate: r.birth_date,
        lastSeenAt: r.last_seen_at,
      }
    );
  }

  all(): Person[] {
    return (this.db.prepare('SELECT id FROM persons').pluck().all() as string[]).map((id) => this.get(id)!);
  }

  purgeBefore(iso: string): number {
    const removed = this.db.prepare('DELETE FROM persons WHERE last_seen_ms < ?').run(cutoffMs(iso)).changes;
    this.flush();
    return removed;
  }

  purgeUndebited(olderThanMs: number): number {
    const removed = this.db
      .prepare(
        'DELETE FROM persons WHERE last_seen_ms < ? AND NOT EXISTS (SELECT 1 FROM debits WHERE debits.beneficiary_id = persons.id)',
      )
      .run(olderThanMs).changes;
    if (removed > 0) this.flush();
    return removed;
  }

  purgeAll(): number {
    const removed = this.db.prepare('DELETE FROM persons').run().changes;
    // secure_delete zeroes the freed cells; VACUUM rebuilds the file so no free page keeps an old copy.
    this.db.exec('VACUUM');
    this.flush();
    return removed;
  }

  /**
   * Copies the WAL into the file and truncates it: the WAL still holds the page images with the names
   * until then. A reader in another process can hold the checkpoint back; the next purge finishes it.
   */
  private flush(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
