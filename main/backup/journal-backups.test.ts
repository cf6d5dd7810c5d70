// The manager's backups on real journal files: the folder checks, a copy that is a whole verified journal,
// keep-N, the last result kept for the screen, and when the daily copy is due.
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TillError } from '../../preload/contract/errors';
import type { BackupRunView } from '../../preload/contract/manage';
import { openJournal } from '../journal/journal';
import { tempJournal, type TempJournal } from '../../test/support/journal-fixtures';
import { makeTempDir } from '../../test/support/tmp';
import {
  backupFileName,
  backupStatus,
  checkBackupFolder,
  configureBackups,
  dailyBackupDue,
  DAILY_BACKUP_EVERY_MS,
  lastBackup,
  runBackup,
  startDailyBackups,
} from './journal-backups';

let t: TempJournal;
let out: { dir: string; remove: () => void };

beforeEach(() => {
  t = tempJournal();
  t.journal.setDeviceId('D-000042');
  for (let i = 0; i < 50; i++) t.journal.append({ kind: 'STARTUP', payload: { pid: i } });
  out = makeTempDir('backups-out');
});
afterEach(() => {
  t.cleanup();
  out.remove();
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof TillError ? [error.code, error.params?.['reason']] : ['thrown', String(error)];
  }
  return null;
};

describe('the backup folder', () => {
  it('must be an absolute path to an existing folder, not a root and not inside the data folder', () => {
    expect(codeOf(() => checkBackupFolder('relative/dir', t.dir))).toEqual([
      'BACKUP_FOLDER_INVALID',
      'NOT_ABSOLUTE',
    ]);
    expect(codeOf(() => checkBackupFolder('/', t.dir))).toEqual(['BACKUP_FOLDER_INVALID', 'ROOT']);
    expect(codeOf(() => checkBackupFolder(join(out.dir, 'missing'), t.dir))).toEqual([
      'BACKUP_FOLDER_INVALID',
      'MISSING',
    ]);
    expect(existsSync(join(out.dir, 'missing'))).toBe(false);
    expect(codeOf(() => checkBackupFolder(t.dir, t.dir))).toEqual(['BACKUP_FOLDER_INVALID', 'DATA_FOLDER']);
    mkdirSync(join(t.dir, 'backups'));
    expect(codeOf(() => checkBackupFolder(join(t.dir, 'backups'), t.dir))).toEqual([
      'BACKUP_FOLDER_INVALID',
      'DATA_FOLDER',
    ]);
    expect(checkBackupFolder(`${out.dir}/./`, t.dir)).toBe(out.dir);
    // A sibling whose name merely starts like the data folder is outside it.
    mkdirSync(`${t.dir}-usb`);
    expect(checkBackupFolder(`${t.dir}-usb`, t.dir)).toBe(`${t.dir}-usb`);
  });

  it('is refused at configuration, and a refused folder changes nothing', () => {
    configureBackups(t.journal, { folder: out.dir, keep: 3 }, t.dir);
    expect(codeOf(() => configureBackups(t.journal, { folder: 'nope' }, t.dir))).toEqual([
      'BACKUP_FOLDER_INVALID',
      'NOT_ABSOLUTE',
    ]);
    expect(backupStatus(t.journal)).toMatchObject({
      folder: out.dir,
      keep: 3,
      daily: true,
      last: null,
      files: [],
    });
  });
});

describe('runBackup', () => {
  it('says BACKUP_NOT_CONFIGURED before a folder is chosen, and keeps that as the last result', async () => {
    const run = await runBackup(t.journal, {
      trigger: 'manual',
      now: () => new Date('2026-11-20T10:00:00Z'),
    });
    expect(run).toMatchObject({ ok: false, code: 'BACKUP_NOT_CONFIGURED' });
    expect(lastBackup(t.journal)).toEqual(run);
  });

  it('writes a whole, verified copy named by device and time, records it in the chain, and keeps the last N', async () => {
    configureBackups(t.journal, { folder: out.dir, keep: 2 }, t.dir);
    const progress: [number, number][] = [];
    const runs: BackupRunView[] = [];
    for (const at of ['2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z', '2026-11-22T10:00:00Z']) {
      runs.push(
        await runBackup(t.journal, {
          trigger: 'daily',
          now: () => new Date(at),
          onProgress: (d, n) => progress.push([d, n]),
        }),
      );
    }
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(readdirSync(out.dir).sort()).toEqual([
      backupFileName('D-000042', new Date('2026-11-21T10:00:00Z')),
      backupFileName('D-000042', new Date('2026-11-22T10:00:00Z')),
    ]);
    expect(readdirSync(out.dir)[0]).toBe('atouts-journal-D-000042-20261121T100000Z.sqlite');
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
    const last = runs[2]!;
    const copy = openJournal(last.file!, { readOnly: true });
    try {
      expect(copy.verify().ok).toBe(true);
      expect(copy.head().seq).toBe(last.headSeq);
      expect(copy.deviceId()).toBe('D-000042');
    } finally {
      copy.close();
    }
    const recorded = t.journal.list({ kinds: ['EXPORTED'] }).map((e) => e.payload);
    expect(recorded).toHaveLength(3);
    expect(recorded[2]).toMatchObject({
      what: 'backup',
      file: last.file,
      headSeq: last.headSeq,
      trigger: 'daily',
    });
    expect(t.journal.verify().ok).toBe(true);
  });

  it("leaves another device's copies in a shared folder alone", async () => {
    configureBackups(t.journal, { folder: out.dir, keep: 1 }, t.dir);
    const other = tempJournal();
    try {
      other.journal.setDeviceId('D-000007');
      configureBackups(other.journal, { folder: out.dir, keep: 1 }, other.dir);
      await runBackup(other.journal, { trigger: 'manual', now: () => new Date('2026-11-01T10:00:00Z') });
    } finally {
      other.cleanup();
    }
    await runBackup(t.journal, { trigger: 'manual', now: () => new Date('2026-11-20T10:00:00Z') });
    await runBackup(t.journal, { trigger: 'manual', now: () => new Date('2026-11-21T10:00:00Z') });
    expect(readdirSync(out.dir).sort()).toEqual([
      'atouts-journal-D-000007-20261101T100000Z.sqlite',
      'atouts-journal-D-000042-20261121T100000Z.sqlite',
    ]);
  });

  it('fails with the folder named missing when the USB stick is gone, and makes no folder in its place', async () => {
    const stick = join(out.dir, 'stick');
    mkdirSync(stick);
    configureBackups(t.journal, { folder: stick }, t.dir);
    out.remove();
    const run = await runBackup(t.journal, { trigger: 'daily', now: () => new Date('2026-11-20T10:00:00Z') });
    expect(run).toMatchObject({ ok: false, code: 'BACKUP_FOLDER_INVALID: MISSING' });
    expect(existsSync(stick)).toBe(false);
    out = makeTempDir('backups-out');
  });
});

describe('the daily backup', () => {
  const on = { folder: '/media/usb', keep: 14, daily: true };
  const now = Date.parse('2026-11-22T10:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const run = (ok: boolean, at: string): BackupRunView => ({
    at,
    ok,
    file: null,
    code: ok ? null : 'BACKUP_FAILED',
    bytes: 0,
    headSeq: null,
    trigger: 'daily',
  });

  it.each([
    ['never made, on, a folder', on, null, null, true],
    ['off', { ...on, daily: false }, null, null, false],
    ['no folder', { ...on, folder: null }, null, null, false],
    ['the last good one 23 h ago', on, run(true, ago(23 * 3600_000)), ago(23 * 3600_000), false],
    [
      'the last good one 24 h ago',
      on,
      run(true, ago(DAILY_BACKUP_EVERY_MS)),
      ago(DAILY_BACKUP_EVERY_MS),
      true,
    ],
    [
      'a failure 10 min ago (no retry within the hour)',
      on,
      run(false, ago(600_000)),
      ago(2 * DAILY_BACKUP_EVERY_MS),
      false,
    ],
    ['a failure 61 min ago', on, run(false, ago(61 * 60_000)), ago(2 * DAILY_BACKUP_EVERY_MS), true],
  ] as const)('%s', (_what, config, last, lastGood, due) => {
    expect(dailyBackupDue(config, last, lastGood, now)).toBe(due);
  });

  it('runs at start when due, then not again within the day', async () => {
    configureBackups(t.journal, { folder: out.dir }, t.dir);
    let clock = Date.parse('2026-11-20T08:00:00Z');
    let tick: () => void = () => undefined;
    const done: BackupRunView[] = [];
    const stop = startDailyBackups(t.journal, {
      now: () => clock,
      log: () => undefined,
      every: (fn) => {
        tick = fn;
        return () => undefined;
      },
      onDone: (r) => done.push(r),
    });
    await expect.poll(() => done.length).toBe(1);
    clock += 3600_000;
    tick();
    clock += 20 * 3600_000;
    tick();
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toHaveLength(1);
    clock += 4 * 3600_000;
    tick();
    await expect.poll(() => done.length).toBe(2);
    stop();
    expect(readdirSync(out.dir)).toHaveLength(2);
  });
});

it('a symlinked folder is followed (a share mounted through a link)', () => {
  const real = join(out.dir, 'real');
  mkdirSync(real);
  symlinkSync(real, join(out.dir, 'link'));
  expect(checkBackupFolder(join(out.dir, 'link'), t.dir)).toBe(join(out.dir, 'link'));
});
