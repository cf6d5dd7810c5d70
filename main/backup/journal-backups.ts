// The journal's backups as the manager runs them (issue 16): a copy now, or one a day, into a folder the
// manager chose (a USB stick, a network share), keeping the last N. Each copy is made with SQLite's backup
// API (backup-database.ts) from the live file, checked, and named by device and time so copies of several
// tills can share one folder. The settings and the last run's result live in the journal's settings;
// every copy made is also recorded in the chain (EXPORTED, what: 'backup'), so an audit sees when the
// evidence left the machine.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { TillError } from '../../preload/contract/errors';
import type { BackupRunView, BackupStatusView } from '../../preload/contract/manage';
import type { Journal } from '../journal/journal';
import { everyWithTimer, type UpkeepOptions } from '../journal/upkeep-timer';
import { backupDatabase } from './backup-database';

export interface BackupConfig {
  folder: string | null;
  keep: number;
  daily: boolean;
}

const CONFIG_KEY = 'backup.config';
const LAST_KEY = 'backup.last';
export const DEFAULT_BACKUP_CONFIG: BackupConfig = { folder: null, keep: 14, daily: true };
/** A daily copy is due once the last good one is this old. */
export const DAILY_BACKUP_EVERY_MS = 24 * 3600_000;
/** How often the till looks whether a daily copy is due. */
export const BACKUP_CHECK_EVERY_MS = 15 * 60_000;

const FILE_PREFIX = 'atouts-journal-';
const FILE_SUFFIX = '.sqlite';

export function backupConfig(journal: Journal): BackupConfig {
  return { ...DEFAULT_BACKUP_CONFIG, ...journal.settings.get<Partial<BackupConfig>>(CONFIG_KEY) };
}

/**
 * A folder the manager chose must be an absolute path to an existing folder (a USB stick mounted, a share
 * reached), not a drive's root and not the till's own data folder: a typo must not scatter copies of the
 * journal in a new folder somewhere, and a copy beside the original protects from nothing.
 */
export function checkBackupFolder(folder: string, dataDir: string): string {
  if (!isAbsolute(folder))
    throw new TillError('BACKUP_FOLDER_INVALID', 'not an absolute path', { reason: 'NOT_ABSOLUTE' });
  const path = resolve(folder);
  if (dirname(path) === path)
    throw new TillError('BACKUP_FOLDER_INVALID', 'a drive root', { reason: 'ROOT' });
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new TillError('BACKUP_FOLDER_INVALID', `no folder at ${path}`, { reason: 'MISSING' });
  const inside = relative(resolve(dataDir), path);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
    throw new TillError('BACKUP_FOLDER_INVALID', 'inside the data folder', { reason: 'DATA_FOLDER' });
  return path;
}

export function configureBackups(
  journal: Journal,
  change: Partial<BackupConfig>,
  dataDir: string,
): BackupConfig {
  const next: BackupConfig = { ...backupConfig(journal), ...change };
  if (change.folder) next.folder = checkBackupFolder(change.folder, dataDir);
  journal.settings.set(CONFIG_KEY, { ...next });
  return next;
}

export function lastBackup(journal: Journal): BackupRunView | null {
  return journal.settings.get<BackupRunView>(LAST_KEY) ?? null;
}

/** `atouts-journal-<device>-<UTC time>.sqlite`: sorts by time within a device. */
export function backupFileName(deviceId: string | null, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${FILE_PREFIX}${deviceId ?? 'unenrolled'}-${stamp}${FILE_SUFFIX}`;
}

function ownCopies(folder: string, deviceId: string | null): { name: string; bytes: number; at: string }[] {
  const prefix = `${FILE_PREFIX}${deviceId ?? 'unenrolled'}-`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith(FILE_SUFFIX))
    .sort()
    .reverse()
    .map((name) => {
      const stat = statSync(join(folder, name));
      return { name, bytes: stat.size, at: stat.mtime.toISOString() };
    });
}

export function backupStatus(journal: Journal): BackupStatusView {
  const config = backupConfig(journal);
  return {
    ...config,
    last: lastBackup(journal),
    files: config.folder ? ownCopies(config.folder, journal.deviceId()) : [],
  };
}

export interface RunBackupOptions {
  trigger: BackupRunView['trigger'];
  now: () => Date;
  onProgress?: (copiedPages: number, totalPages: number) => void;
}

/**
 * One copy of the journal into the configured folder, then the oldest of this device's copies beyond
 * `keep` removed. The outcome (good or not) is kept as the last backup's result for the screen.
 */
export async function runBackup(journal: Journal, options: RunBackupOptions): Promise<BackupRunView> {
  const config = backupConfig(journal);
  const at = options.now();
  const record = (run: BackupRunView): BackupRunView => {
    journal.settings.set(LAST_KEY, { ...run });
    return run;
  };
  if (!config.folder)
    return record({
      at: at.toISOString(),
      ok: false,
      file: null,
      code: 'BACKUP_NOT_CONFIGURED',
      bytes: 0,
      headSeq: null,
      trigger: options.trigger,
    });
  const head = journal.head();
  const dest = join(config.folder, backupFileName(journal.deviceId(), at));
  try {
    statSync(config.folder);
  } catch {
    // The USB stick is not plugged in: said as such, and no folder is made in its place.
    return record({
      at: at.toISOString(),
      ok: false,
      file: null,
      code: 'BACKUP_FOLDER_INVALID: MISSING',
      bytes: 0,
      headSeq: null,
      trigger: options.trigger,
    });
  }
  const result = await backupDatabase(
    journal.path,
    dest,
    options.onProgress ? { onProgress: options.onProgress } : {},
  );
  if (!result.ok)
    return record({
      at: at.toISOString(),
      ok: false,
      file: null,
      code: `${result.code}: ${result.detail}`.slice(0, 300),
      bytes: 0,
      headSeq: null,
      trigger: options.trigger,
    });
  journal.append({
    kind: 'EXPORTED',
    cashierId: null,
    payload: {
      what: 'backup',
      file: result.dest,
      bytes: result.bytes,
      headSeq: head.seq,
      headHash: head.hash,
      trigger: options.trigger,
    },
  });
  for (const old of ownCopies(config.folder, journal.deviceId()).slice(config.keep))
    rmSync(join(config.folder, old.name), { force: true });
  return record({
    at: at.toISOString(),
    ok: true,
    file: result.dest,
    code: null,
    bytes: result.bytes,
    headSeq: head.seq,
    trigger: options.trigger,
  });
}

/** Whether the daily copy is due: on, a folder chosen, and no good copy for DAILY_BACKUP_EVERY_MS. */
export function dailyBackupDue(
  config: BackupConfig,
  last: BackupRunView | null,
  lastGoodAt: string | null,
  nowMs: number,
): boolean {
  if (!config.daily || !config.folder) return false;
  // A failed attempt is retried at the next check, but not more often than hourly (a missing USB stick).
  if (last && !last.ok && nowMs - Date.parse(last.at) < 3600_000) return false;
  return lastGoodAt === null || nowMs - Date.parse(lastGoodAt) >= DAILY_BACKUP_EVERY_MS;
}

const LAST_GOOD_KEY = 'backup.lastGoodAt';

/**
 * Starts the daily backup: checked now and every BACKUP_CHECK_EVERY_MS; returns the stop function.
 * `every` lets tests drive the timer by hand.
 */
export function startDailyBackups(
  journal: Journal,
  opts: UpkeepOptions & { onDone?: (run: BackupRunView) => void },
): () => void {
  let running = false;
  let stopped = false;
  const check = () => {
    if (running || stopped) return;
    const config = backupConfig(journal);
    if (
      !dailyBackupDue(
        config,
        lastBackup(journal),
        journal.settings.get<string>(LAST_GOOD_KEY) ?? null,
        opts.now(),
      )
    )
      return;
    running = true;
    void runBackup(journal, { trigger: 'daily', now: () => new Date(opts.now()) })
      .then((run) => {
        if (run.ok) journal.settings.set(LAST_GOOD_KEY, run.at);
        opts.log(run.ok ? 'daily backup written' : 'daily backup failed', {
          ok: run.ok,
          code: run.code,
          bytes: run.bytes,
        });
        opts.onDone?.(run);
      })
      .catch((error: unknown) => opts.log('daily backup failed', { error: String(error) }))
      .finally(() => {
        running = false;
      });
  };
  check();
  const stop = (opts.every ?? everyWithTimer)(check, BACKUP_CHECK_EVERY_MS);
  return () => {
    stopped = true;
    stop();
  };
}

/** Records a good manual copy too, so the daily one does not follow it within the day. */
export function noteGoodBackup(journal: Journal, run: BackupRunView): void {
  if (run.ok) journal.settings.set(LAST_GOOD_KEY, run.at);
}
