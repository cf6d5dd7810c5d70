// Forward-only schema migrations, tracked by `PRAGMA user_version`. One file per migration; append to
// the list, never edit a shipped one.
import type Database from 'better-sqlite3';
import { TillError } from '../../../preload/contract/errors';
import type { Migration } from './migration';
import { m0001Entries } from './0001-entries';
import { m0002DebitProjection } from './0002-debit-projection';
import { m0003Persons } from './0003-persons';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [m0001Entries, m0002DebitProjection, m0003Persons];
export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrationReport {
  from: number;
  to: number;
  rebuildProjections: boolean;
}

/** Brings the file to `target` (default: the latest), one transaction per migration. */
export function migrate(db: Database.Database, target: number = LATEST_VERSION): MigrationReport {
  const from = schemaVersion(db);
  if (from > LATEST_VERSION) {
    throw new TillError(
      'JOURNAL_BROKEN',
      `journal schema version ${from} is newer than this till knows (${LATEST_VERSION}): update the till before opening it`,
      { fileVersion: from, knownVersion: LATEST_VERSION },
    );
  }
  let rebuildProjections = false;
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    rebuildProjections ||= m.rebuildsProjections === true;
  }
  return { from, to: Math.max(from, Math.min(target, LATEST_VERSION)), rebuildProjections };
}
