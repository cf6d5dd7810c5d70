// The till's settings (enrolment, keys, staff…): plain key/values outside the chain, since they are
// configuration, not facts. Every change that matters is also a journal entry, written by its owner.
import type Database from 'better-sqlite3';
import type { JsonValue } from './json-value';

export interface Settings {
  /** The stored value, as the caller last set it; the caller owns its shape. */
  get<T>(key: string): T | undefined;
  set(key: string, value: JsonValue): void;
}

export class SettingsStore implements Settings {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Database.Database) {
    this.getStmt = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.setStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get<T>(key: string): T | undefined {
    const row = this.getStmt.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(key: string, value: JsonValue): void {
    this.setStmt.run(key, JSON.stringify(value));
  }
}
