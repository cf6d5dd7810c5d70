// Every command of `npm run till -- …`. To add one, write a module exporting a Command and list it here.
import type { Command } from './command';
import { journalCloseDay, journalCloseMonth, journalPurge, journalVerify } from './journal-commands';
import { wipe } from './wipe-command';
import { staffUnlock } from './staff-commands';
import { reconcile } from './reconcile';
import { archiveClosurePdf, archiveCreate, archiveCsv, archiveVerify } from './archive';
import { backupCreate, backupRestore } from './backup-commands';

export const COMMANDS: readonly Command[] = [
  journalVerify,
  journalCloseDay,
  journalCloseMonth,
  journalPurge,
  wipe,
  staffUnlock,
  reconcile,
  archiveCreate,
  archiveVerify,
  archiveCsv,
  archiveClosurePdf,
  backupCreate,
  backupRestore,
];
