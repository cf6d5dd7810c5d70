// A test's own temp journal, closed and removed when that test finishes: it spares each journal test file
// the module-level `let` and afterEach that would otherwise repeat around every such journal. Apart from
// journal-fixtures.ts, whose tempJournal also serves journals made in a beforeEach, outside any one test.
import { onTestFinished } from 'vitest';
import type { OpenJournalOptions } from '../../main/journal/journal';
import { deviceJournal, tempJournal, type TempJournal } from './journal-fixtures';

/** A temp journal for the running test. */
export function journalForTest(opts: OpenJournalOptions = {}): TempJournal {
  const t = tempJournal(opts);
  onTestFinished(() => t.cleanup());
  return t;
}

/** deviceJournal (device D-000042 on a hand-moved clock) for the running test. */
export function deviceJournalForTest(startIso: string): ReturnType<typeof deviceJournal> {
  const made = deviceJournal(startIso);
  onTestFinished(() => made.t.cleanup());
  return made;
}
