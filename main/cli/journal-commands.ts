// `till journal …`: verify the chain, close a day or a month, purge personal data.
import { existsSync, readFileSync } from 'node:fs';
import { fetchDeviceAudit } from '../anchors/region-audit';
import { checkAgainstAnchors } from '../anchors/verify-against-region';
import { parseArgs } from 'node:util';
import { TillError } from '../../preload/contract/errors';
import { lastEndedDay } from '../journal/closures';
import { openJournal, type Journal, type JournalEntry } from '../journal/journal';
import { purgePersonalData } from '../privacy/retention-policy';
import type { CliIo, Command } from './command';

/** Opens the --db file, refusing to create one by mistake. */
function withJournal<T>(
  db: string | undefined,
  io: CliIo,
  readOnly: boolean,
  use: (j: Journal) => T,
): { value: T } | { exit: number } {
  if (!db) {
    io.err('--db <file> is required');
    return { exit: 2 };
  }
  if (!existsSync(db)) {
    io.err(`no journal at ${db}`);
    return { exit: 2 };
  }
  const journal = openJournal(db, { readOnly, now: () => io.now() });
  try {
    return { value: use(journal) };
  } finally {
    journal.close();
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof TillError) {
    io.err(`${error.code}: ${error.message}`);
    return 1;
  }
  throw error;
}

function printClosure(e: JournalEntry, io: CliIo): void {
  const p = e.payload;
  io.out(`${e.kind} ${String(p.period)} — entry ${e.seq} at ${e.at}`);
  io.out(JSON.stringify(p, null, 2));
}

export const journalVerify: Command = {
  name: 'journal verify',
  summary: 'walk the hash chain and name the first broken entry (exit 1 when broken)',
  help: "till journal verify --db <file> [--against-region <url> --admin-key-file <file>]\n  Re-hashes every entry in order (bounded memory). Prints OK with the count and head,\n  or the first broken entry and how it is broken (EDITED, GAP, DELETED, INSERTED, REORDERED, HEAD_MISMATCH,\n  HEAD_MISSING). Then recomputes every closure from the chain (CLOSURE_MISMATCH names the closure entry) and\n  compares the debits and closures tables with the entries (PROJECTION_MISMATCH).\n  With --against-region (the Region's admin key: the auditor's way), each head the Region anchored must be\n  an entry of this journal with the same hash: TRUNCATED (the tail was cut), REWRITTEN (the chain was\n  recomputed), CONFLICT_RECORDED (the Region refused a contradicting head); else MATCHES THE REGION up to N.",
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' },
        'against-region': { type: 'string' },
        'admin-key-file': { type: 'string' },
      },
      strict: true,
    });
    const region = values['against-region'];
    if ((region === undefined) !== (values['admin-key-file'] === undefined)) {
      io.err('--against-region and --admin-key-file go together');
      return 2;
    }
    try {
      const opened = withJournal(values.db, io, true, (j) => ({
        result: j.verify(),
        deviceId: j.deviceId(),
      }));
      if ('exit' in opened) return opened.exit;
      const { result, deviceId } = opened.value;
      if (!result.ok) {
        io.out(`BROKEN at entry ${result.seq}: ${result.problem} — ${result.detail}`);
        return 1;
      }
      io.out(`OK ${result.count} entries, head ${result.head.seq} ${result.head.hash}`);
      if (!region || !values['admin-key-file']) return 0;
      if (!deviceId) {
        io.out('NOT ANCHORED: this journal was never enrolled, the Region holds nothing of it');
        return 1;
      }
      let anchors;
      try {
        anchors = (
          await fetchDeviceAudit(region, readFileSync(values['admin-key-file'], 'utf8').trim(), deviceId)
        ).anchors;
      } catch (error) {
        io.err(`REGION_UNREACHABLE: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      }
      const check = withJournal(values.db, io, true, (j) => checkAgainstAnchors(j, anchors));
      if ('exit' in check) return check.exit;
      for (const gap of check.value.gaps)
        io.out(`DECLARED RESTORE: anchored entries ${gap.fromSeq}..${gap.toSeq} given up`);
      if (check.value.ok) {
        io.out(
          `MATCHES THE REGION up to entry ${check.value.confirmedUpTo} (${check.value.anchors} anchor(s))`,
        );
        return 0;
      }
      for (const f of check.value.findings) io.out(`${f.problem} at entry ${f.seq}: ${f.detail}`);
      return 1;
    } catch (error) {
      return reportError(error, io);
    }
  },
};

function closeCommand(kind: 'day' | 'month'): Command {
  const flag = kind;
  return {
    name: `journal close-${kind}`,
    summary:
      kind === 'day'
        ? 'write the daily Z-closure (default: the last day that has ended, Paris time)'
        : 'write the monthly closure of --month YYYY-MM',
    help:
      kind === 'day'
        ? 'till journal close-day --db <file> [--day YYYY-MM-DD] [--cashier <id>]\n  Totals per category, count, perpetual grand total and the hash of the last entry covered.\n  Computed from the chained entries. Refused with PERIOD_NOT_ENDED before the day is over, CLOSURE_PENDING_DEBITS\n  while debits of that day await the Region, PERIOD_ALREADY_CLOSED (naming the entry) when it is closed already.\n  A void or a late answer recorded after a closure counts, as a correction line, in the next closure.'
        : 'till journal close-month --db <file> --month YYYY-MM [--cashier <id>]\n  As close-day, for a Paris calendar month.',
    async run(args, io) {
      const { values } = parseArgs({
        args,
        options: { db: { type: 'string' }, [flag]: { type: 'string' }, cashier: { type: 'string' } },
        strict: true,
      });
      const period = values[flag] ?? (kind === 'day' ? lastEndedDay(io.now().getTime()) : undefined);
      if (!period) {
        io.err('--month YYYY-MM is required');
        return 2;
      }
      try {
        const opened = withJournal(values.db, io, false, (j) =>
          kind === 'day'
            ? j.closeDay(period, values.cashier ?? null)
            : j.closeMonth(period, values.cashier ?? null),
        );
        if ('exit' in opened) return opened.exit;
        printClosure(opened.value, io);
        return 0;
      } catch (error) {
        return reportError(error, io);
      }
    },
  };
}

export const journalCloseDay = closeCommand('day');
export const journalCloseMonth = closeCommand('month');

export const journalPurge: Command = {
  name: 'journal purge',
  summary:
    'remove beneficiaries (names, birth dates) not seen since a date, and older void notes; the chain is untouched',
  help: 'till journal purge --db <file> --before <YYYY-MM-DD | ISO date-time>\n  Deletes the personal data of everyone not seen since that date (a day counts from 00:00 Paris).\n  Entries hold no names, so verification still passes afterwards.',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, before: { type: 'string' } },
      strict: true,
    });
    if (!values.before) {
      io.err('--before <date> is required');
      return 2;
    }
    const before = values.before;
    try {
      const opened = withJournal(values.db, io, false, (j) => {
        // The same purge as Gestion's (main/privacy/retention-policy.ts), recorded as the last one made.
        return purgePersonalData(j, before, 'manual', io.now());
      });
      if ('exit' in opened) return opened.exit;
      io.out(`purged ${opened.value} person(s) not seen since ${before}`);
      return 0;
    } catch (error) {
      return reportError(error, io);
    }
  },
};
