// `till archive create|verify|csv|closure-pdf`: the signed archive of a period (main/archive) for the
// Region's audits, and the exports (main/export) for the partner's accountant.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { TillError } from '../../preload/contract/errors';
import { buildArchive, parisPeriod } from '../archive/build-archive';
import { verifyArchive } from '../archive/verify-archive';
import { closurePdf } from '../export/closure-pdf';
import { debitsCsv } from '../export/debits-csv';
import { openJournal } from '../journal/journal';
import type { Command } from './command';

export const archiveCreate: Command = {
  name: 'archive create',
  summary: 'write the signed archive of a month or day (entries, closures, chain heads, Ed25519 signature)',
  help: 'till archive create --db <journal.sqlite> --period <YYYY-MM | YYYY-MM-DD> --out <file>\n  Every entry from the first to the last written in the period (Paris time), its closures and the\n  chain heads, signed with this device\'s key (made on first use and declared in the journal).\n  The export is itself recorded (an EXPORTED entry with the file\'s SHA-256).',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' } }, strict: true });
    if (!values.db || !values.period || !values.out) {
      io.err('--db, --period and --out are required');
      return 2;
    }
    if (!existsSync(values.db)) {
      io.err(`no journal at ${values.db}`);
      return 2;
    }
    const journal = openJournal(values.db, { now: () => io.now() });
    try {
      const { archive, text } = buildArchive(journal, parisPeriod(values.period), () => io.now());
      writeFileSync(values.out, text, { mode: 0o600 });
      io.out(`archive of ${archive.period.label}: entries ${archive.chain.firstSeq}..${archive.chain.lastSeq}, ${archive.closures.length} closure(s), key ${archive.key.keyId} → ${values.out}`);
      return 0;
    } catch (error) {
      if (error instanceof TillError) {
        io.err(`${error.code}: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      journal.close();
    }
  },
};

export const archiveVerify: Command = {
  name: 'archive verify',
  summary: 'check a signed archive: signature, unbroken chain, closures (and, with --db, that it is this journal\'s)',
  help: 'till archive verify <file> [--db <journal.sqlite>]\n  Exit 0 when the archive is intact; 1 naming the first problem (MALFORMED, SIGNATURE_INVALID,\n  CHAIN_BROKEN, CLOSURE_MISMATCH, KEY_UNKNOWN, JOURNAL_DIFFERS); 2 on a usage error.',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { db: { type: 'string' } }, allowPositionals: true, strict: true });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.err('usage: till archive verify <file> [--db <journal.sqlite>]');
      return 2;
    }
    if (!existsSync(file)) {
      io.err(`no file at ${file}`);
      return 2;
    }
    const text = readFileSync(file, 'utf8');
    const journal = values.db ? openJournal(values.db, { readOnly: true }) : undefined;
    try {
      const verdict = verifyArchive(text, journal);
      if (verdict.ok) {
        io.out(`OK archive of ${verdict.period} by device ${verdict.deviceId}: ${verdict.entries} entries (${verdict.firstSeq}..${verdict.lastSeq}), ${verdict.closures} closure(s), last hash ${verdict.lastHash}, key ${verdict.keyId}${verdict.checkedAgainstJournal ? ', matches the journal' : ''}`);
        return 0;
      }
      io.out(`INVALID ${verdict.problem}${verdict.seq !== undefined ? ` at entry ${verdict.seq}` : ''}: ${verdict.detail}`);
      return 1;
    } finally {
      journal?.close();
    }
  },
};

export const archiveCsv: Command = {
  name: 'archive csv',
  summary: 'write the debits of a month or day as CSV for accountants (UTF-8 BOM, ";", French decimals)',
  help: 'till archive csv --db <journal.sqlite> --period <YYYY-MM | YYYY-MM-DD> --out <file.csv>\n  Every debit whose time falls in the period (Paris time), whatever its status, in request order.',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' } }, strict: true });
    if (!values.db || !values.period || !values.out) {
      io.err('--db, --period and --out are required');
      return 2;
    }
    if (!existsSync(values.db)) {
      io.err(`no journal at ${values.db}`);
      return 2;
    }
    const journal = openJournal(values.db, { readOnly: true });
    try {
      const period = parisPeriod(values.period);
      const debits = journal.debits.list({ fromAt: period.from, toAt: period.to });
      writeFileSync(values.out, debitsCsv(debits), 'utf8');
      io.out(`${debits.length} debit(s) of ${period.label} → ${values.out}`);
      return 0;
    } catch (error) {
      if (error instanceof TillError) {
        io.err(`${error.code}: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      journal.close();
    }
  },
};

export const archiveClosurePdf: Command = {
  name: 'archive closure-pdf',
  summary: 'write a Z (day) or monthly closure as PDF',
  help: 'till archive closure-pdf --db <journal.sqlite> --period <YYYY-MM-DD | YYYY-MM> --out <file.pdf> [--partner <name>] [--device <name>]\n  A day gives its Z-closure, a month its monthly closure; the period must have been closed.',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, partner: { type: 'string' }, device: { type: 'string' } },
      strict: true,
    });
    if (!values.db || !values.period || !values.out) {
      io.err('--db, --period and --out are required');
      return 2;
    }
    if (!existsSync(values.db)) {
      io.err(`no journal at ${values.db}`);
      return 2;
    }
    const journal = openJournal(values.db, { readOnly: true });
    try {
      const kind = /^\d{4}-\d{2}$/.test(values.period) ? 'month' : 'day';
      const entry = journal.closure(kind, values.period);
      if (!entry) {
        io.err(`${values.period} is not closed in this journal`);
        return 1;
      }
      writeFileSync(values.out, await closurePdf(entry, { partnerName: values.partner ?? null, deviceName: values.device ?? null }));
      io.out(`${entry.kind} ${values.period} (entry ${entry.seq}) → ${values.out}`);
      return 0;
    } finally {
      journal.close();
    }
  },
};
