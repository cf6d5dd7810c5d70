// The journal: the partner's evidence (architecture.md "The journal"). One SQLite file per till, one
// connection per process; every fact is an appended, hash-chained entry with a gapless sequence, and
// state (debits, closures) is a projection kept in the same transaction as the append.
// This file puts the parts together: journal-database.ts opens the file, chained-append.ts appends,
// period-closing.ts closes days and months, journal-queries.ts reads.
import { ChainedAppend } from './chained-append';
import type { ClosureKind } from './closures';
import { DebitProjectionStore, type DebitProjection } from './debit-projection';
import type { AppendInput, EntryQuery, JournalEntry } from './journal-entry';
import { openJournalDatabase, storageInfo, type StorageInfo } from './journal-database';
import { JournalQueries } from './journal-queries';
import { PeriodClosing } from './period-closing';
import { PersonStore, type Persons } from './persons';
import { rebuildProjections } from './projection-rebuild';
import { SettingsStore, type Settings } from './settings';
import { mapStorageErrors } from './storage-errors';
import { verifyJournal, type VerifyResult } from './verify';
import { VoidNoteStore, type VoidNotes } from './void-notes';

export type { JsonValue, JsonObject } from './json-value';
export type { EntryKind } from './entry-kinds';
export { ENTRY_KINDS } from './entry-kinds';
export type { AppendInput, EntryQuery, JournalEntry } from './journal-entry';
export type { StorageInfo } from './journal-database';
export type { VerifyResult, ChainProblem } from './verify';
export type {
  DebitProjection,
  DebitState,
  ProjectedDebitStatus,
  DebitListQuery,
  CategoryTotals,
} from './debit-projection';
export type { Person, Persons } from './persons';
export type { Settings } from './settings';
export type { VoidNotes } from './void-notes';

export interface Journal {
  readonly path: string;
  /** Durable (committed with synchronous=FULL) when it returns. Throws TillError('DISK_FULL' | 'STORAGE_READ_ONLY' | 'JOURNAL_BROKEN'). */
  append(input: AppendInput): JournalEntry;
  /** Several entries in one transaction, gapless. */
  appendAll(inputs: readonly AppendInput[]): JournalEntry[];
  head(): { seq: number; hash: string };
  get(seq: number): JournalEntry | undefined;
  list(q: EntryQuery): JournalEntry[];
  /** Walks every entry (bounded memory) and names the first broken one. */
  verify(): VerifyResult;
  /** Once, at enrolment; setting the same id again is harmless, another id is ALREADY_ENROLLED. */
  setDeviceId(id: string): void;
  deviceId(): string | null;
  settings: Settings;
  /** Free-text notes of voids, outside the chain, purged with the personal data. */
  voidNotes: VoidNotes;
  persons: Persons;
  debits: DebitProjection;
  /** Z-closure of a Paris day. CLOSURE_PENDING_DEBITS while any debit of that day awaits the Region. Idempotent. */
  closeDay(day: string, cashierId: string | null): JournalEntry;
  /** Closure of a Paris month (YYYY-MM). Same rules as closeDay. */
  closeMonth(month: string, cashierId: string | null): JournalEntry;
  /** The closure entry of a period, if made. */
  closure(kind: ClosureKind, period: string): JournalEntry | undefined;
  /** Rebuilds the debit and closure projections from the entries (JOURNAL_BROKEN if an entry cannot be read). */
  rebuildProjections(): void;
  /** Set when the file's head did not match its last entry at opening: every append is then refused. */
  readonly brokenAtOpen: string | null;
  storage(): StorageInfo;
  close(): void;
}

export interface OpenJournalOptions {
  now?: () => Date;
  /** Open without writing (verification, audits): appends fail with STORAGE_READ_ONLY. */
  readOnly?: boolean;
  /** A quota for the file (SQLite max_page_count): writes past it fail with DISK_FULL. */
  maxSizeBytes?: number;
}

export function openJournal(path: string, opts: OpenJournalOptions = {}): Journal {
  const now = opts.now ?? (() => new Date());
  const readOnly = opts.readOnly === true;
  const { db, head, brokenAtOpen } = openJournalDatabase(path, { readOnly, maxSizeBytes: opts.maxSizeBytes });
  const debits = new DebitProjectionStore(db);
  const chained = new ChainedAppend(db, head, debits, now, brokenAtOpen);
  const closing = new PeriodClosing(db, head, chained, now);
  const queries = new JournalQueries(db);
  return {
    path,
    append: (input) => chained.appendAll([input])[0]!,
    appendAll: (inputs) => chained.appendAll(inputs),
    head() {
      const h = head.read();
      return { seq: h.seq, hash: h.hash };
    },
    get: (seq) => queries.get(seq),
    list: (q) => queries.list(q),
    verify: () => verifyJournal(db),
    setDeviceId: (id) => head.enrol(id),
    // Readable without a head row (verify of a damaged file still reports the device if it can).
    deviceId: () => head.peek()?.device_id ?? null,
    settings: new SettingsStore(db),
    persons: new PersonStore(db, now),
    voidNotes: new VoidNoteStore(db, now),
    debits,
    closeDay: (day, cashierId) => closing.close('day', day, cashierId),
    closeMonth: (month, cashierId) => closing.close('month', month, cashierId),
    closure(kind, period) {
      const seq = closing.closureSeq(kind, period);
      return seq === undefined ? undefined : queries.get(seq);
    },
    rebuildProjections: () => mapStorageErrors(() => rebuildProjections(db)),
    brokenAtOpen,
    storage: () => storageInfo(db, readOnly),
    close: () => db.close(),
  };
}
