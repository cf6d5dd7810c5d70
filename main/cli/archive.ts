// `till archive create|verify|csv|closure-pdf`: the signed archive of a period (main/archive) for the
// Region's audits, and the exports (main/export) for the partner's accountant.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFileDurably } from '../files/durable-write';
import { TillError } from '../../preload/contract/errors';
import { parisPeriod } from '../archive/build-archive';
import { verifyArchive } from '../archive/verify-archive';
import { exportArchive, exportClosurePdf, exportDebitsCsv } from '../export/period-exports';
import { openJournal, type Journal } from '../journal/journal';
import { fileKeyCipher } from '../secrets/secret-store';
import { fetchDeviceAudit } from '../anchors/region-audit';
import type { ArchiveKeyRecord } from '../../protocol/anchors';
import type { CliIo, Command } from './command';

const PERIOD_OPTIONS = {
  db: { type: 'string' },
  'key-file': { type: 'string' },
  period: { type: 'string' },
  out: { type: 'string' },
  partner: { type: 'string' },
  device: { type: 'string' },
} as const;

interface PeriodFlags {
  db: string;
  keyFile?: string | undefined;
  period: string;
  out: string;
  partner?: string | undefined;
  device?: string | undefined;
}

/**
 * The frame every command writing a file about a period of one journal shares: --db, --period and --out
 * required (2 when missing), the journal opened (read-only unless the command records something) and
 * always closed, and the till's own refusals printed as `CODE: message` with exit 1.
 */
async function aboutPeriod(
  args: string[],
  io: CliIo,
  opts: { writes: boolean; labels?: boolean },
  write: (journal: Journal, flags: PeriodFlags) => Promise<number>,
): Promise<number> {
  const { values } = parseArgs({ args, options: PERIOD_OPTIONS, strict: true });
  if (!opts.labels && (values.partner !== undefined || values.device !== undefined)) {
    io.err('--partner and --device name the closure PDF only');
    return 2;
  }
  const { db, period, out } = values;
  if (!db || !period || !out) {
    io.err('--db, --period and --out are required');
    return 2;
  }
  if (!existsSync(db)) {
    io.err(`no journal at ${db}`);
    return 2;
  }
  const journal = opts.writes
    ? openJournal(db, { now: () => io.now() })
    : openJournal(db, { readOnly: true });
  try {
    return await write(journal, {
      db,
      period,
      out,
      keyFile: values['key-file'],
      partner: values.partner,
      device: values.device,
    });
  } catch (error) {
    if (error instanceof TillError) {
      io.err(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    journal.close();
  }
}

export const archiveCreate: Command = {
  name: 'archive create',
  summary: 'write the signed archive of a month or day (entries, closures, chain heads, Ed25519 signature)',
  help: "till archive create --db <journal.sqlite> --period <YYYY-MM | YYYY-MM-DD> --out <file> --key-file <host.key>\n  Every entry from the first to the last written in the period (Paris time), its closures and the\n  chain heads, signed with this device's key (made on first use, declared in the journal, registered with\n  the Region; its private half sealed by the till's key: --key-file is browser mode's). The export is itself\n  recorded (an EXPORTED entry with the file's SHA-256).",
  run: (args, io) =>
    aboutPeriod(args, io, { writes: true }, async (journal, flags) => {
      const { archive, text } = exportArchive(
        journal,
        flags.period,
        () => io.now(),
        flags.keyFile ? fileKeyCipher(flags.keyFile) : null,
      );
      writeFileDurably(flags.out, text);
      io.out(
        `archive of ${archive.period.label}: entries ${archive.chain.firstSeq}..${archive.chain.lastSeq}, ${archive.closures.length} closure(s), key ${archive.key.keyId} → ${flags.out}`,
      );
      return 0;
    }),
};

export const archiveVerify: Command = {
  name: 'archive verify',
  summary:
    'check a signed archive: signature, unbroken chain, closures, and a key the Region (or the journal) vouches for',
  help: "till archive verify <file> [--region <url> --admin-key-file <file>] [--db <journal.sqlite>]\n  The signature alone proves nothing (anyone can re-sign an edited archive with a key of their own): the\n  key must be one the Region lists for that device at the archive's time (--region, with the Region's admin\n  key: the auditor's way) or the one the journal declared (--db). Exit 0 when the archive is intact and its\n  key vouched for; 1 naming the first problem (MALFORMED, SIGNATURE_INVALID, CHAIN_BROKEN, CLOSURE_MISMATCH,\n  KEY_UNKNOWN, KEY_UNTRUSTED, JOURNAL_DIFFERS); 2 on a usage error.",
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { db: { type: 'string' }, region: { type: 'string' }, 'admin-key-file': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      io.err('usage: till archive verify <file> [--db <journal.sqlite>]');
      return 2;
    }
    if (!existsSync(file)) {
      io.err(`no file at ${file}`);
      return 2;
    }
    if ((values.region === undefined) !== (values['admin-key-file'] === undefined)) {
      io.err('--region and --admin-key-file go together');
      return 2;
    }
    const text = readFileSync(file, 'utf8');
    let regionKeys: ArchiveKeyRecord[] | undefined;
    if (values.region && values['admin-key-file']) {
      const deviceId = /"deviceId":"([^"]{1,64})"/.exec(text)?.[1];
      if (!deviceId) {
        io.out('INVALID MALFORMED: no device id in the archive');
        return 1;
      }
      try {
        regionKeys = (
          await fetchDeviceAudit(
            values.region,
            readFileSync(values['admin-key-file'], 'utf8').trim(),
            deviceId,
          )
        ).archiveKeys;
      } catch (error) {
        io.err(`REGION_UNREACHABLE: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      }
    }
    const journal = values.db ? openJournal(values.db, { readOnly: true }) : undefined;
    try {
      const verdict = verifyArchive(text, {
        ...(journal ? { journal } : {}),
        ...(regionKeys ? { regionKeys } : {}),
      });
      if (verdict.ok) {
        io.out(
          `OK archive of ${verdict.period} by device ${verdict.deviceId}: ${verdict.entries} entries (${verdict.firstSeq}..${verdict.lastSeq}), ${verdict.closures} closure(s), last hash ${verdict.lastHash}, key ${verdict.keyId}${verdict.keyListedByRegion ? ', key listed by the Region' : ''}${verdict.checkedAgainstJournal ? ', matches the journal' : ''}`,
        );
        return 0;
      }
      io.out(
        `INVALID ${verdict.problem}${verdict.seq !== undefined ? ` at entry ${verdict.seq}` : ''}: ${verdict.detail}`,
      );
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
  run: (args, io) =>
    aboutPeriod(args, io, { writes: false }, async (journal, flags) => {
      const period = parisPeriod(flags.period);
      const csv = await exportDebitsCsv(journal, period);
      writeFileDurably(flags.out, csv.text);
      io.out(`${csv.count} debit(s) of ${period.label} → ${flags.out}`);
      return 0;
    }),
};

export const archiveClosurePdf: Command = {
  name: 'archive closure-pdf',
  summary: 'write a Z (day) or monthly closure as PDF',
  help: 'till archive closure-pdf --db <journal.sqlite> --period <YYYY-MM-DD | YYYY-MM> --out <file.pdf> [--partner <name>] [--device <name>]\n  A day gives its Z-closure, a month its monthly closure; the period must have been closed.',
  run: (args, io) =>
    aboutPeriod(args, io, { writes: false, labels: true }, async (journal, flags) => {
      const pdf = await exportClosurePdf(journal, flags.period, {
        partnerName: flags.partner ?? null,
        deviceName: flags.device ?? null,
      });
      writeFileDurably(flags.out, pdf.bytes);
      io.out(
        `${/^\d{4}-\d{2}$/.test(flags.period) ? 'MONTH_CLOSED' : 'DAY_CLOSED'} ${flags.period} (entry ${pdf.seq}) → ${flags.out}`,
      );
      return 0;
    }),
};
