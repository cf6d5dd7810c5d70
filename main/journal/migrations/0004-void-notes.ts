// A void's free-text note, outside the chain (issue 15 item 6): the chain keeps the reason as a code; what a
// manager types may name a youth, so it lives with the personal data and is purged with it.
import type { Migration } from './migration';

export const m0004VoidNotes: Migration = {
  version: 4,
  name: 'void-notes',
  up(db) {
    db.exec(`
      CREATE TABLE void_notes (
        void_id  TEXT PRIMARY KEY,
        debit_id TEXT NOT NULL,
        note     TEXT NOT NULL,
        at_ms    INTEGER NOT NULL
      );
      CREATE INDEX void_notes_at ON void_notes(at_ms);
    `);
  },
};
