// The chain itself: append-only entries, the head kept beside them, and settings outside the chain.
import type { Migration } from './migration';

export const m0001Entries: Migration = {
  version: 1,
  name: 'entries',
  up(db) {
    db.exec(`
      CREATE TABLE entries (
        seq        INTEGER PRIMARY KEY,
        device_id  TEXT,
        kind       TEXT NOT NULL,
        at         TEXT NOT NULL,
        cashier_id TEXT,
        payload    TEXT NOT NULL,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
      );
      CREATE INDEX entries_kind ON entries(kind, seq);
      CREATE INDEX entries_at ON entries(at);
      -- Evidence is never rewritten: every correction is a new entry.
      CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
        BEGIN SELECT RAISE(ABORT, 'journal entries are append-only: UPDATE refused'); END;
      CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'journal entries are append-only: DELETE refused'); END;

      -- One row, updated in the same transaction as every append, so start-up reads the head instead
      -- of re-hashing the journal.
      CREATE TABLE chain_head (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        seq       INTEGER NOT NULL,
        hash      TEXT NOT NULL,
        device_id TEXT
      );
      INSERT INTO chain_head (id, seq, hash, device_id) VALUES (1, 0, '${'0'.repeat(64)}', NULL);

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
