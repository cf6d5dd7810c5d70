// `till staff unlock`: the way back when every manager is locked out (ten wrong PINs each). Whoever can
// run commands on the till's computer with access to its data folder already holds the journal file;
// the unlock is journalled (STAFF_UNLOCKED by `cli`) like one made in Réglages.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openJournal } from '../journal/journal';
import { StaffDirectory } from '../staff/staff-directory';
import { reportTillError, type Command } from './command';

export const staffUnlock: Command = {
  name: 'staff unlock',
  summary: "clear a staff member's wrong PINs (locked or waiting); journalled",
  help: "till staff unlock --db <journal.sqlite> [--staff <id>]\n  Without --staff, lists the staff with wrong PINs on record. With it, clears that member's count\n  (a STAFF_UNLOCKED entry by `cli`). Run it with the till stopped.",
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, staff: { type: 'string' } },
      strict: true,
    });
    if (!values.db || !existsSync(values.db)) {
      io.err(values.db ? `no journal at ${values.db}` : '--db <file> is required');
      return 2;
    }
    const journal = openJournal(values.db, { now: () => io.now() });
    try {
      const staff = new StaffDirectory(journal.settings, { journal, now: () => io.now().getTime() });
      if (!values.staff) {
        const names = new Map(staff.views().map((s) => [s.id, s.name]));
        for (const l of staff.lockouts())
          io.out(
            `${l.staffId} ${names.get(l.staffId) ?? ''}: ${l.failures} wrong PIN(s)${l.locked ? ', locked' : l.retryAt ? `, next try at ${l.retryAt}` : ''}`,
          );
        return 0;
      }
      staff.unlock(values.staff, 'cli');
      io.out(`${values.staff} unlocked`);
      return 0;
    } catch (error) {
      return reportTillError(error, io);
    } finally {
      journal.close();
    }
  },
};
