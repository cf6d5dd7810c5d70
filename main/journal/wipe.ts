// The end of a partnership: "destroy every file of personal data" (regulation VI). What goes: the
// beneficiaries' names and birth dates (the persons table, then VACUUM and a WAL truncation so no copy
// lingers in free pages), and the folders that hold receipts and exports, which print names.
// What stays: the journal's entries and closures, which carry no names or birth dates (only the
// Region's pseudonymous beneficiary ids) and are the partner's accounting evidence for the Region's
// audits (regulation 4.3.2) and the legal retention of accounting records.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openJournal } from './journal';

export const JOURNAL_FILE_NAME = 'journal.sqlite';
/** Folders of a till's data folder that hold personal data and are removed whole. */
export const PERSONAL_DATA_FOLDERS = ['receipts', 'exports'] as const;

export interface WipeReport {
  /** Persons removed from the journal, or null when the folder had no journal. */
  personsRemoved: number | null;
  /** Folders deleted. */
  removed: string[];
  verify: 'ok' | 'broken' | 'no-journal';
}

export function wipePersonalData(dataDir: string): WipeReport {
  const journalPath = join(dataDir, JOURNAL_FILE_NAME);
  let personsRemoved: number | null = null;
  let verify: WipeReport['verify'] = 'no-journal';
  if (existsSync(journalPath)) {
    const journal = openJournal(journalPath);
    try {
      personsRemoved = journal.persons.purgeAll();
      verify = journal.verify().ok ? 'ok' : 'broken';
    } finally {
      journal.close();
    }
  }
  const removed: string[] = [];
  for (const folder of PERSONAL_DATA_FOLDERS) {
    const path = join(dataDir, folder);
    if (!existsSync(path)) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return { personsRemoved, removed, verify };
}
