// `till backup create|restore`: the journal's backup with SQLite's backup API, and its restore onto a new
// machine with the chain verified — the same functions the Gestion screen calls (main/backup/).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../backup/backup-database';
import { checkBackup, restoreJournal } from '../backup/restore-journal';
import { JOURNAL_FILE_NAME } from '../journal/wipe';
import { reportTillError, type Command } from './command';

export const backupCreate: Command = {
  name: 'backup create',
  summary: "copy a live journal with SQLite's backup API, checked, to a new file",
  help: 'till backup create --db <journal.sqlite> --out <file>\n  Safe while the till runs (never a file copy of a WAL database). The copy is integrity-checked, its chain\n  verified, written owner-only and renamed into place only when whole; an existing --out is never replaced.',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    });
    if (!values.db || !values.out) {
      io.err('--db and --out are required');
      return 2;
    }
    if (!existsSync(values.db)) {
      io.err(`no journal at ${values.db}`);
      return 2;
    }
    const copy = await backupDatabase(values.db, values.out);
    if (!copy.ok) {
      io.err(`${copy.code}: ${copy.detail}`);
      return 1;
    }
    try {
      const checked = checkBackup(copy.dest);
      io.out(
        `backup of ${checked.entries} entries (head ${checked.headSeq}), ${copy.bytes} bytes → ${copy.dest}`,
      );
      return 0;
    } catch (error) {
      return reportTillError(error, io);
    }
  },
};

export const backupRestore: Command = {
  name: 'backup restore',
  summary: 'restore a backup as the journal of a new till, its chain verified first',
  help: "till backup restore <backup-file> --data-dir <dir>\n  Verifies the backup (integrity, then the whole chain and every closure: JOURNAL_BROKEN names the entry),\n  refuses a folder whose journal belongs to an enrolled till (RESTORE_TARGET_NOT_EMPTY), copies it with the\n  backup API and records the restore as the chain's next entry (RESTORED). When the till next reaches the\n  Region, it records whether the Region had seen entries past the restored head, and declares the restore.",
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'data-dir': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const file = positionals[0];
    const dir = values['data-dir'];
    if (!file || positionals.length > 1 || !dir) {
      io.err('usage: till backup restore <backup-file> --data-dir <dir>');
      return 2;
    }
    if (!existsSync(file)) {
      io.err(`no file at ${file}`);
      return 2;
    }
    try {
      const report = await restoreJournal(file, join(dir, JOURNAL_FILE_NAME), () => io.now());
      io.out(
        `restored ${report.entries} entries of device ${report.deviceId ?? '(none)'} (head ${report.headSeq}) → ${report.file}`,
      );
      return 0;
    } catch (error) {
      return reportTillError(error, io);
    }
  },
};
