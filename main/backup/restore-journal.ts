// Restoring a backup onto a new machine (issue 16). A restore must never merge two journals nor hide that
// it happened:
// - the backup is checked first: SQLite's integrity, then the whole hash chain and every closure
//   (journal.verify, as `till journal verify`); a copy that does not verify is refused, naming the entry;
// - it only goes where there is no journal of an enrolled till yet (a new PC, a reinstalled one); a till
//   that already has its own chain keeps it (RESTORE_TARGET_NOT_EMPTY);
// - the copy is made with SQLite's backup API, and the restore is the first fact the restored chain records
//   (RESTORED, stage 'local': which file, the head it brought back);
// - once the Region is reachable, the till compares that head with what the Region anchored from this device
//   (main/core/handlers/restore-region-check.ts): if the Region saw entries past it — debits made after the
//   backup was taken — the chain records that too (RESTORED, stage 'behind-region'), and the restore is
//   declared to the Region, which records the lost range as a declared gap instead of a conflict.
//
// In the running app the core holds the journal open, so the UI stages the restore (`journal.sqlite.restore`
// beside it) and the next start of the core applies it before opening anything (applyStagedRestore).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TillError } from '../../preload/contract/errors';
import { syncDirectory } from '../files/durable-write';
import { openJournal, type Journal } from '../journal/journal';
import { JOURNAL_FILE_NAME } from '../journal/wipe';
import { backupDatabase, verifyDatabaseFile } from './backup-database';

export const STAGED_RESTORE_FILE = `${JOURNAL_FILE_NAME}.restore`;
/** Set by a restore, cleared once the Region has been asked (main/core/handlers/restore-region-check.ts). */
export const PENDING_RESTORE_KEY = 'restore.pending';

export interface RestoreReport {
  file: string;
  headSeq: number;
  headHash: string;
  deviceId: string | null;
  entries: number;
}

export interface PendingRestore {
  headSeq: number;
  file: string;
}

/** Checks a backup file as a journal: integrity, then the chain and closures. */
export function checkBackup(path: string): {
  headSeq: number;
  headHash: string;
  deviceId: string | null;
  entries: number;
} {
  const integrity = verifyDatabaseFile(path);
  if (!integrity.ok)
    throw new TillError('BACKUP_FAILED', `${integrity.code}: ${integrity.detail}`, {
      reason: integrity.code,
    });
  let journal: Journal;
  try {
    journal = openJournal(path, { readOnly: true });
  } catch (error) {
    throw new TillError(
      'BACKUP_FAILED',
      `not a journal: ${error instanceof Error ? error.message : String(error)}`,
      { reason: 'NOT_A_JOURNAL' },
    );
  }
  try {
    const verdict = journal.verify();
    if (!verdict.ok)
      throw new TillError('JOURNAL_BROKEN', `${verdict.problem} at entry ${verdict.seq}: ${verdict.detail}`, {
        seq: verdict.seq,
        problem: verdict.problem,
      });
    return {
      headSeq: verdict.head.seq,
      headHash: verdict.head.hash,
      deviceId: journal.deviceId(),
      entries: verdict.count,
    };
  } finally {
    journal.close();
  }
}

/** Whether `path` holds the journal of an enrolled till (with entries of its own): a restore must not replace it. */
function holdsEnrolledJournal(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return false;
  const journal = openJournal(path, { readOnly: true });
  try {
    return journal.deviceId() !== null;
  } finally {
    journal.close();
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** Copies a backup to a free `dest` with the backup API; a failed copy is BACKUP_FAILED. */
async function copyBackup(backup: string, dest: string): Promise<void> {
  const copy = await backupDatabase(backup, dest, { overwrite: false });
  if (!copy.ok) throw new TillError('BACKUP_FAILED', `${copy.code}: ${copy.detail}`, { reason: copy.code });
}

/**
 * Copies a checked backup to `dest` and records the restore as the chain's next fact. `dest` must not hold
 * an enrolled till's journal (an unenrolled one, a new PC's, is set aside as `<dest>.replaced-<time>`).
 */
export async function restoreJournal(backup: string, dest: string, now: () => Date): Promise<RestoreReport> {
  const checked = checkBackup(backup);
  if (holdsEnrolledJournal(dest))
    throw new TillError('RESTORE_TARGET_NOT_EMPTY', `${dest} already holds an enrolled till's journal`);
  if (existsSync(dest)) {
    const aside = `${dest}.replaced-${now().toISOString().replace(/[-:.]/g, '')}`;
    if (statSync(dest).size > 0) renameSync(dest, aside);
    removeDatabase(dest);
  }
  await copyBackup(backup, dest);
  const journal = openJournal(dest, { now });
  try {
    // The copy is a single-file database (journal_mode DELETE): the till runs its journals in WAL.
    journal.append({
      kind: 'RESTORED',
      cashierId: null,
      payload: {
        stage: 'local',
        file: basename(backup),
        headSeq: checked.headSeq,
        headHash: checked.headHash,
      },
    });
    journal.settings.set(PENDING_RESTORE_KEY, { headSeq: checked.headSeq, file: basename(backup) });
  } finally {
    journal.close();
  }
  return {
    file: dest,
    headSeq: checked.headSeq,
    headHash: checked.headHash,
    deviceId: checked.deviceId,
    entries: checked.entries,
  };
}

/** The UI's restore: the backup checked now and copied beside the journal, applied at the next start. */
export async function stageRestore(
  backup: string,
  dataDir: string,
): Promise<{ headSeq: number; deviceId: string | null; entries: number }> {
  // An enrolled till is refused before any file is read: the call needs no session (a new PC has no staff).
  if (holdsEnrolledJournal(join(dataDir, JOURNAL_FILE_NAME)))
    throw new TillError('RESTORE_TARGET_NOT_EMPTY', 'this till already has its own journal');
  const checked = checkBackup(backup);
  const staged = join(dataDir, STAGED_RESTORE_FILE);
  removeDatabase(staged);
  await copyBackup(backup, staged);
  return { headSeq: checked.headSeq, deviceId: checked.deviceId, entries: checked.entries };
}

/** At the core's start, before the journal opens: a staged restore replaces an unenrolled journal. */
export async function applyStagedRestore(
  dataDir: string,
  now: () => Date,
  log: (message: string, fields?: Record<string, unknown>) => void,
): Promise<RestoreReport | null> {
  const staged = join(dataDir, STAGED_RESTORE_FILE);
  if (!existsSync(staged)) return null;
  try {
    const report = await restoreJournal(staged, join(dataDir, JOURNAL_FILE_NAME), now);
    log('journal restored from a backup', { headSeq: report.headSeq, entries: report.entries });
    return report;
  } catch (error) {
    log('staged restore not applied', {
      code: error instanceof TillError ? error.code : 'INTERNAL',
      detail: String(error),
    });
    return null;
  } finally {
    removeDatabase(staged);
    syncDirectory(dataDir);
  }
}
