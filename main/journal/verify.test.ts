// Tampering with a real journal file through a second connection (triggers dropped), one way at a time;
// verify() must name the first broken entry and how it is broken.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, entryJson } from './chain-hash';
import { openJournal } from './journal';
import {
  debitAccepted,
  debitRequested,
  tamperConnection,
  type TempJournal,
} from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';

/** A journal of 8 entries, closed, ready to be tampered with. */
// Shared with the helpers below, which read the journal the test's eightEntries made.
let t: TempJournal;

function eightEntries(): TempJournal {
  t = journalForTest();
  t.journal.append({ kind: 'STARTUP', payload: { pid: 1 } });
  for (let i = 1; i <= 3; i += 1) {
    t.journal.append({
      kind: 'DEBIT_REQUESTED',
      cashierId: 'c1',
      payload: debitRequested({ debitId: `d${i}`, amountCents: 100 * i }),
    });
    t.journal.append({
      kind: 'DEBIT_ACCEPTED',
      cashierId: 'c1',
      payload: debitAccepted(`d${i}`, 1000),
    });
  }
  t.journal.append({ kind: 'SHUTDOWN', payload: {} });
  t.journal.close();
  return t;
}

function tamper(sql: (db: Database.Database) => void) {
  const db = tamperConnection(t.path);
  try {
    sql(db);
  } finally {
    db.close();
  }
  const j = openJournal(t.path, { readOnly: true });
  try {
    return j.verify();
  } finally {
    j.close();
  }
}

/** Inserts a forged entry at `seq`, chained to `prevHash`, with a correct hash when `sealed`. */
function forge(db: Database.Database, seq: number, prevHash: string, sealed: boolean): void {
  const payload = canonicalJson(debitRequested({ debitId: 'forged', amountCents: 3000 }));
  const fields = {
    seq,
    deviceId: null,
    kind: 'DEBIT_REQUESTED',
    at: '2026-03-10T10:00:00.000Z',
    cashierId: 'c1',
  };
  const hash = sealed ? chainHash(prevHash, entryJson(fields, payload)) : 'f'.repeat(64);
  db.prepare(
    'INSERT INTO entries (seq, device_id, kind, at, cashier_id, payload, prev_hash, hash) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)',
  ).run(seq, fields.kind, fields.at, fields.cashierId, payload, prevHash, hash);
}

const hashAt = (db: Database.Database, seq: number) =>
  (db.prepare('SELECT hash FROM entries WHERE seq = ?').get(seq) as { hash: string }).hash;
/** Moves entries seq >= from by delta, in two steps so the primary key never collides. */
const shift = (db: Database.Database, from: number, delta: number) => {
  db.prepare('UPDATE entries SET seq = -seq WHERE seq >= ?').run(from);
  db.prepare('UPDATE entries SET seq = -seq + ? WHERE seq < 0').run(delta);
};

describe('verify', () => {
  it('passes an untouched journal, with its count and head', () => {
    eightEntries();
    const j = openJournal(t.path, { readOnly: true });
    const head = j.head();
    expect(j.verify()).toEqual({ ok: true, count: 8, head });
    j.close();
  });

  it('names an edited payload', () => {
    eightEntries();
    const r = tamper((db) =>
      db
        .prepare(
          `UPDATE entries SET payload = replace(payload, '"amountCents":200', '"amountCents":20') WHERE seq = 4`,
        )
        .run(),
    );
    expect(r).toMatchObject({ ok: false, seq: 4, problem: 'EDITED' });
  });

  it('names an edited cashier, time or kind', () => {
    eightEntries();
    expect(
      tamper((db) => db.prepare(`UPDATE entries SET cashier_id = 'c2' WHERE seq = 3`).run()),
    ).toMatchObject({ ok: false, seq: 3, problem: 'EDITED' });
  });

  it('names an entry edited and re-hashed with the public recipe', () => {
    eightEntries();
    const r = tamper((db) => {
      const row = db.prepare('SELECT * FROM entries WHERE seq = 4').get() as {
        prev_hash: string;
        payload: string;
      };
      const payload = row.payload.replace('"amountCents":200', '"amountCents":20');
      const hash = chainHash(
        row.prev_hash,
        entryJson(
          {
            seq: 4,
            deviceId: null,
            kind: 'DEBIT_REQUESTED',
            at: '2026-03-10T10:00:00.000Z',
            cashierId: 'c1',
          },
          payload,
        ),
      );
      db.prepare('UPDATE entries SET payload = ?, hash = ? WHERE seq = 4').run(payload, hash);
    });
    expect(r).toMatchObject({ ok: false, seq: 4, problem: 'EDITED' });
  });

  it('names a deleted entry as a gap', () => {
    eightEntries();
    expect(tamper((db) => db.prepare('DELETE FROM entries WHERE seq = 5').run())).toMatchObject({
      ok: false,
      seq: 5,
      problem: 'GAP',
    });
  });

  it('names the first entry deleted as a gap', () => {
    eightEntries();
    expect(tamper((db) => db.prepare('DELETE FROM entries WHERE seq = 1').run())).toMatchObject({
      ok: false,
      seq: 1,
      problem: 'GAP',
    });
  });

  it('names a deletion hidden by renumbering', () => {
    eightEntries();
    const r = tamper((db) => {
      db.prepare('DELETE FROM entries WHERE seq = 5').run();
      shift(db, 6, -1);
    });
    expect(r).toMatchObject({ ok: false, seq: 5, problem: 'DELETED' });
  });

  it('names the last entries deleted', () => {
    eightEntries();
    expect(tamper((db) => db.prepare('DELETE FROM entries WHERE seq >= 7').run())).toMatchObject({
      ok: false,
      seq: 7,
      problem: 'DELETED',
    });
  });

  it('names an entry inserted with a correct hash, later ones renumbered', () => {
    eightEntries();
    const r = tamper((db) => {
      const prev = hashAt(db, 4);
      shift(db, 5, 1);
      forge(db, 5, prev, true);
    });
    expect(r).toMatchObject({ ok: false, seq: 5, problem: 'INSERTED' });
  });

  it('names an entry inserted with a made-up hash', () => {
    eightEntries();
    const r = tamper((db) => {
      const prev = hashAt(db, 4);
      shift(db, 5, 1);
      forge(db, 5, prev, false);
    });
    expect(r).toMatchObject({ ok: false, seq: 5, problem: 'INSERTED' });
  });

  it('names an entry appended behind the journal', () => {
    eightEntries();
    expect(tamper((db) => forge(db, 9, hashAt(db, 8), true))).toMatchObject({
      ok: false,
      seq: 9,
      problem: 'INSERTED',
    });
  });

  it('names two entries that swapped places', () => {
    eightEntries();
    const r = tamper((db) => {
      db.prepare('UPDATE entries SET seq = -1 WHERE seq = 3').run();
      db.prepare('UPDATE entries SET seq = 3 WHERE seq = 4').run();
      db.prepare('UPDATE entries SET seq = 4 WHERE seq = -1').run();
    });
    expect(r).toMatchObject({ ok: false, seq: 3, problem: 'REORDERED' });
  });

  it('names a head that disagrees with the last entry', () => {
    eightEntries();
    expect(
      tamper((db) => db.prepare(`UPDATE chain_head SET hash = '${'a'.repeat(64)}'`).run()),
    ).toMatchObject({ ok: false, seq: 8, problem: 'HEAD_MISMATCH' });
  });

  it('names a missing head row instead of crashing, and the till refuses to open the file with a code', () => {
    eightEntries();
    expect(tamper((db) => db.prepare('DELETE FROM chain_head').run())).toMatchObject({
      ok: false,
      seq: 8,
      problem: 'HEAD_MISSING',
    });
    let code: unknown;
    try {
      openJournal(t.path).close();
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).toBe('JOURNAL_HEAD_MISSING');
    const j = openJournal(t.path, { readOnly: true });
    try {
      expect(j.brokenAtOpen).toMatch(/chain-head row is missing/);
      expect(() => j.head()).toThrow(/chain-head row is missing/);
    } finally {
      j.close();
    }
  });

  it('reports only the first break when there are several', () => {
    eightEntries();
    const r = tamper((db) => {
      db.prepare(`UPDATE entries SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 6`).run();
      db.prepare('DELETE FROM entries WHERE seq = 2').run();
    });
    expect(r).toMatchObject({ ok: false, seq: 2, problem: 'GAP' });
  });
});
