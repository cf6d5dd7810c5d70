import type Database from 'better-sqlite3';

export interface Migration {
  /** The `PRAGMA user_version` the file has once this migration ran. */
  version: number;
  name: string;
  /** Set when the migration changes a projection's tables: they are rebuilt from the entries afterwards. */
  rebuildsProjections?: boolean;
  up(db: Database.Database): void;
}
