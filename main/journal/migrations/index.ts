// Forward-only schema migrations, tracked by `PRAGMA user_version`. One file per migration; append to
// the list, never edit a shipped one.
import type Database from 'better-sqlite3';
import { TillError } from '../../../preload/contract/errors';
import type { Migration } from './migration';
import { m0001Entries } from './0001-entries';
import { m0002DebitProjection } from './0002-debit-projection';
import { m0003Persons } from './0003-persons';
import { m0004VoidNotes } from './0004-void-notes';
import { m0005CycleDiscipline } from './0005-cycle-discipline';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [
  m0001Entries,
  m0002DebitProjection,
  m0003Persons,
  m0004VoidNotes,
  m0005CycleDiscipline,
];
export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Set in the same transaction as a migration that changes a projection, cleared by the rebuild's own
 * transaction: a crash between the two (or a file migrated by this function alone) still gets rebuilt
 * at the next opening.
 */
export const PROJECTIONS_STALE_KEY = 'journal.projectionsStale';

export function projectionsStale(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM settings WHERE key = ?').get(PROJECTIONS_STALE_KEY) !== undefined;
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
      if (m.rebuildsProjections)
        db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, 'true')").run(
          PROJECTIONS_STALE_KEY,
        );
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    rebuildProjections ||= m.rebuildsProjections === true;
  }
  return { from, to: Math.max(from, Math.min(target, LATEST_VERSION)), rebuildProjections };
}
