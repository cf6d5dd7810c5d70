// `till reconcile --month YYYY-MM [--json]`: for the partner's IT, the month's differences between this
// till's journal and the Region's record. Exit 1 when any difference calls for an action (another
// device's debits are listed as information only), 2 on a usage or access problem.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TillError } from '../../preload/contract/errors';
import type { ReconciliationView } from '../../preload/contract/reconciliation';
import { openJournal } from '../journal/journal';
import { reconcileMonth } from '../reconciliation/reconcile';
import { RegionLink } from '../region/region-link';
import { fileKeyCipher } from '../secrets/secret-store';
import { frenchAmount } from '../export/debits-csv';
import type { CliIo, Command } from './command';

const HELP = `till reconcile --month YYYY-MM [--json] [--db <journal.sqlite>] [--data-dir <dir>] [--key-file <file>]
  Pulls every page of the Region's debits for the month (Paris time) and its statement, compares them
  line by line with this till's journal and prints each difference with its explanation and action.
  The result is also appended to the journal (a RECONCILED entry).
  --data-dir  the till's data folder (default ~/.atouts-till, as the browser host); --db defaults to
              its journal.sqlite. --key-file: the key that seals the device token (default
              ~/.config/atouts-till/host.key, as the browser host).
  Exit 0: no difference to act on; 1: differences; 2: usage, enrolment or Region access problem.`;

const euros = (cents: unknown) => (typeof cents === 'number' ? `${frenchAmount(cents)} €` : '—');

function side(s: Record<string, string | number | null> | null): string {
  if (!s) return '—';
  if ('totalCents' in s)
    return `${String(s['count'])} débit(s) ${euros(s['totalCents'])}${s['status'] ? ` (${String(s['status'])})` : ''}`;
  return `${euros(s['amountCents'])} ${String(s['category'])} ${String(s['status'])}${s['deviceId'] ? ` device ${String(s['deviceId'])}` : ''}`;
}

export function printReconciliation(v: ReconciliationView, io: CliIo): void {
  const statement = v.statement
    ? `statement ${v.statement.status} ${v.statement.debitCount} débit(s) ${euros(v.statement.totalCents)}`
    : 'no statement';
  io.out(
    `${v.month} — till ${v.tillCount} débit(s) ${euros(v.tillTotalCents)} · Region ${v.regionCount} débit(s) ${euros(v.regionTotalCents)} · ${statement}`,
  );
  for (const d of v.differences) {
    io.out(
      `${d.severity === 'info' ? 'info ' : 'DIFF '} ${d.kind.padEnd(24)} ${d.debitId ?? '(month)'}  ${d.explanation} → ${d.action}${d.inOutbox ? ' [in outbox]' : ''}${d.linkedMonth ? ` [other month ${d.linkedMonth}]` : ''}`,
    );
    io.out(`       till: ${side(d.till)} | region: ${side(d.region)}`);
  }
  io.out(v.openCount === 0 ? 'OK no difference to act on' : `${v.openCount} difference(s) to act on`);
}

export const reconcile: Command = {
  name: 'reconcile',
  summary: "compare a month of this till's journal with the Region's record (exit 1 on differences)",
  help: HELP,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        month: { type: 'string' },
        json: { type: 'boolean' },
        db: { type: 'string' },
        'data-dir': { type: 'string' },
        'key-file': { type: 'string' },
      },
      strict: true,
    });
    if (!values.month) {
      io.err(`--month YYYY-MM is required\n\n${HELP}`);
      return 2;
    }
    const dataDir = resolve(values['data-dir'] ?? join(homedir(), '.atouts-till'));
    const db = resolve(values.db ?? join(dataDir, 'journal.sqlite'));
    const keyFile = resolve(values['key-file'] ?? join(homedir(), '.config', 'atouts-till', 'host.key'));
    if (!existsSync(db)) {
      io.err(`no journal at ${db}`);
      return 2;
    }
    // Without its key the device token cannot be opened: say where the key was looked for.
    if (!existsSync(keyFile)) {
      io.err(`no key file at ${keyFile}: the device token cannot be unsealed (pass --key-file)`);
      return 2;
    }
    const journal = openJournal(db, { now: () => io.now() });
    try {
      const link = new RegionLink(journal, fileKeyCipher(keyFile), 15_000);
      if (!link.config()) {
        io.err('this till is not enrolled with the Region');
        return 2;
      }
      // A key that does not open the token: DEVICE_SECRET_UNREADABLE, printed below like any coded refusal.
      const client = link.requireAuthenticated();
      const view = await reconcileMonth(
        { journal, source: client, now: () => io.now().getTime(), cashierId: 'cli' },
        values.month,
      );
      if (values.json) io.out(JSON.stringify(view, null, 2));
      else printReconciliation(view, io);
      return view.openCount > 0 ? 1 : 0;
    } catch (error) {
      if (error instanceof TillError) {
        io.err(
          error.code === 'DEVICE_SECRET_UNREADABLE'
            ? `${error.code}: the key file ${keyFile} does not open this till's device token`
            : `${error.code}: ${error.message}`,
        );
        return 2;
      }
      throw error;
    } finally {
      journal.close();
    }
  },
};
