// Personal data (names, birth dates) outside the chain, so it can be purged without touching evidence.
import type { Migration } from './migration';

export const m0003Persons: Migration = {
  version: 3,
  name: 'persons',
  up(db) {
    db.exec(`
      CREATE TABLE persons (
        id           TEXT PRIMARY KEY,
        given_name   TEXT NOT NULL,
        family_name  TEXT NOT NULL,
        birth_date   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        last_seen_ms INTEGER NOT NULL
      );
      CREATE INDEX persons_last_seen ON persons(last_seen_ms);
    `);
  },
};
