// `till wipe`: the end of a partnership.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PERSONAL_DATA_FOLDERS, wipePersonalData } from '../journal/wipe';
import type { Command } from './command';

export const wipe: Command = {
  name: 'wipe',
  summary: "destroy every personal-data file of a till's data folder (end of partnership)",
  help: [
    'till wipe --data-dir <dir> --yes',
    '  Destroys the personal data the till holds, as the regulation (VI) demands when a partnership ends,',
    '  anywhere under the folder, at any depth, whatever the files are called:',
    "  - the beneficiaries' names and birth dates and the void notes, in the journal and in every copy of",
    "    it (backups…), then VACUUM and WAL truncation so no copy lingers in the files' free pages;",
    '  - every other SQLite file (the outbox and its pass tokens, raw copies of it…) and stray -wal/-shm files;',
    `  - every ${PERSONAL_DATA_FOLDERS.map((f) => `${f}/`).join(' and ')} folder (receipts and exports print names);`,
    '  - then any other file that still holds one of those names, birth dates or tokens, whether written in',
    '    UTF-8, UTF-16, base64 or Base45.',
    '  Kept as evidence: the journal entries and closures. They hold no names or birth dates, only the',
    "  Region's pseudonymous beneficiary ids, amounts and times; they are the partner's proof of every",
    "  debit for the Region's audits and claims (regulation 4.3.2) and accounting records the partner",
    "  must retain. Deleting them is the partner's decision, once those periods have passed.",
    '  Without --yes nothing is done.',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { 'data-dir': { type: 'string' }, yes: { type: 'boolean' } },
      strict: true,
    });
    const dir = values['data-dir'];
    if (!dir) {
      io.err('--data-dir <dir> is required');
      return 2;
    }
    if (!existsSync(dir)) {
      io.err(`no such folder: ${dir}`);
      return 2;
    }
    if (!values.yes) {
      io.err('this destroys personal data for good: add --yes to proceed');
      return 2;
    }
    const report = wipePersonalData(dir);
    io.out(
      report.personsRemoved === null
        ? 'no journal in this folder'
        : `removed ${report.personsRemoved} person(s) from the journal (chain ${report.verify})`,
    );
    for (const path of report.removed) io.out(`deleted ${path}`);
    for (const copy of report.copiesPurged)
      io.out(`removed ${copy.persons} person(s) from the copy ${copy.path}`);
    return report.verify === 'broken' ? 1 : 0;
  },
};
