// An entry as the journal hands it out, what an append asks for, and how both meet the stored row.
import { TillError } from '../../preload/contract/errors';
import type { EntryKind } from './entry-kinds';
import type { JsonObject, JsonValue } from './json-value';
import type { EntryRow } from './verify';

export interface JournalEntry {
  seq: number;
  deviceId: string | null;
  kind: EntryKind;
  /** ISO 8601 (UTC, milliseconds), by the till's clock; the sequence, not this, orders entries. */
  at: string;
  cashierId: string | null;
  payload: { [k: string]: JsonValue };
  prevHash: string;
  hash: string;
}

export interface AppendInput {
  kind: EntryKind;
  /** Members set to undefined are left out (as JSON.stringify does), so optional fields can be passed through. */
  payload: { [k: string]: JsonValue | undefined };
  cashierId?: string | null;
  /** Defaults to now; any ISO 8601 date-time, stored normalised to UTC with milliseconds. */
  at?: string;
}

export interface EntryQuery {
  fromSeq?: number;
  toSeq?: number;
  kinds?: EntryKind[];
  /** Inclusive lower bound on `at`. */
  fromAt?: string;
  /** Exclusive upper bound on `at`. */
  toAt?: string;
  limit?: number;
  order?: 'asc' | 'desc';
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** One spelling per instant, so that `at` compares as text in the file and in the hash. */
export function normaliseAt(at: string): string {
  const ms = Date.parse(at);
  if (!ISO_DATE_TIME.test(at) || !Number.isFinite(ms))
    throw new TillError('INPUT_INVALID', `not an ISO date-time: ${at}`);
  return new Date(ms).toISOString();
}

export function toEntry(r: EntryRow): JournalEntry {
  return {
    seq: r.seq,
    deviceId: r.device_id,
    kind: r.kind as EntryKind,
    at: r.at,
    cashierId: r.cashier_id,
    payload: JSON.parse(r.payload) as JsonObject,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
