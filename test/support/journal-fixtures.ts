// Shared by the journal's tests: real files in a temp folder, a second raw connection to tamper with,
// and the payloads the debit engine writes.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makeTempDir } from './tmp';
import { canonicalJson, chainHash, entryJson } from '../../main/journal/chain-hash';
import type { JsonObject } from '../../main/journal/json-value';
import type { ProjectedPayload } from '../../main/journal/debit-payloads';
import { openJournal, type Journal, type OpenJournalOptions } from '../../main/journal/journal';

export interface TempJournal {
  journal: Journal;
  path: string;
  dir: string;
  reopen(opts?: OpenJournalOptions): Journal;
  cleanup(): void;
}

export function tempJournal(opts: OpenJournalOptions = {}): TempJournal {
  const { dir, remove } = makeTempDir('journal');
  const path = join(dir, 'journal.sqlite');
  const t: TempJournal = {
    journal: openJournal(path, opts),
    path,
    dir,
    reopen(o = opts) {
      try {
        t.journal.close();
      } catch {
        /* already closed */
      }
      t.journal = openJournal(path, o);
      return t.journal;
    },
    cleanup() {
      try {
        t.journal.close();
      } catch {
        /* already closed */
      }
      remove();
    },
  };
  return t;
}

/** A second connection, as an attacker with the file would have: triggers dropped. */
export function tamperConnection(path: string): Database.Database {
  const db = new Database(path);
  db.exec('DROP TRIGGER IF EXISTS entries_no_update; DROP TRIGGER IF EXISTS entries_no_delete;');
  return db;
}

/** A fixed clock that tests move by hand. */
export function manualClock(startIso: string): {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
} {
  let ms = Date.parse(startIso);
  return { now: () => new Date(ms), set: (iso) => (ms = Date.parse(iso)), advance: (d) => (ms += d) };
}

/** A temp journal of device D-000042 (as an archive names it), on a clock that starts at `startIso`. */
export function deviceJournal(startIso: string): {
  t: TempJournal;
  clock: ReturnType<typeof manualClock>;
} {
  const clock = manualClock(startIso);
  const t = tempJournal({ now: clock.now });
  t.journal.setDeviceId('D-000042');
  return { t, clock };
}

export function debitRequested(
  over: Partial<Record<string, string | number>> & { debitId: string },
): JsonObject {
  return {
    category: 'CINEMA',
    item: 'SEANCE',
    priceCents: 900,
    amountCents: 500,
    mode: 'online',
    jti: `jti-${over.debitId}`,
    beneficiaryId: 'ben-1',
    occurredAt: '2026-03-10T10:00:00.000Z',
    tokenExp: 1_900_000_000,
    ...over,
  };
}

/** The Region's acceptance of `debitId`, a second after debitRequested's default occurredAt. */
export function debitAccepted(debitId: string, walletBalanceCents = 1500): JsonObject {
  return { debitId, walletBalanceCents, acceptedAt: '2026-03-10T10:00:01.000Z' };
}

/** The request of a coupon redemption: an 80 € sports licence, 30 € of it on coupon CPN-1. */
export function couponRedeemRequested(debitId: string): ProjectedPayload<'COUPON_REDEEM_REQUESTED'> {
  return {
    debitId,
    couponId: 'CPN-1',
    category: 'SPORT',
    item: 'LICENCE',
    priceCents: 8000,
    amountCents: 3000,
    beneficiaryId: 'ben-2',
    occurredAt: '2026-03-10T10:00:00.000Z',
  };
}

/**
 * Appends with SQL only, following the README's recipe, on a file at any schema version (migration
 * tests build files as an older till left them).
 */
export function rawAppend(
  db: Database.Database,
  kind: string,
  payload: JsonObject,
  at = '2026-03-10T10:00:00.000Z',
): void {
  const head = db.prepare('SELECT seq, hash, device_id FROM chain_head WHERE id = 1').get() as {
    seq: number;
    hash: string;
    device_id: string | null;
  };
  const seq = head.seq + 1;
  const payloadJson = canonicalJson(payload);
  const hash = chainHash(
    head.hash,
    entryJson({ seq, deviceId: head.device_id, kind, at, cashierId: null }, payloadJson),
  );
  db.prepare(
    'INSERT INTO entries (seq, device_id, kind, at, cashier_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)',
  ).run(seq, head.device_id, kind, at, payloadJson, head.hash, hash);
  db.prepare('UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1').run(seq, hash);
}
