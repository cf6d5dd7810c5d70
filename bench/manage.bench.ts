// The manager's long tasks (issue 16), on the reconciliation bench's month: a real journal file of 50,000
// debits (100,000 entries).
// - backup.seconds_per_100k_entries: runBackup (SQLite's backup API, integrity check, fsync, rename, the
//   EXPORTED entry) into a folder, scaled to 100,000 entries;
// - export.month_50k_csv_s and its ratio to the reconciliation's bare fetch: the debits CSV of that month as
//   the manage.exportCsv call makes it (the file's text, then its bytes as base64 and SHA-256), against the
//   same baseline the reconcile bench measures: fetching the Region's 100 pages of 500 debits with bare fetch
//   + JSON.parse from a loopback server serving them from memory.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { configureBackups, runBackup } from '../main/backup/journal-backups';
import { exportDebitsCsv, exportedFile, exportPeriodBounds } from '../main/export/period-exports';
import { openJournal } from '../main/journal/journal';
import { makeTempDir } from '../test/support/tmp';
import type { Figure } from './figure';
import { buildData, startFakeRegion } from './reconcile.bench';

const MONTH = '2026-03';
const PAGE = 500;

async function bareFetch(url: string): Promise<number> {
  const t0 = performance.now();
  for (let cursor: string | null = '0'; cursor !== null;) {
    const page = (await (await fetch(`${url}/v1/debits?cursor=${cursor}&limit=${PAGE}`)).json()) as {
      nextCursor: string | null;
    };
    cursor = page.nextCursor;
  }
  return (performance.now() - t0) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function run(ctx: { quick: boolean }): Promise<Figure[]> {
  const tmp = makeTempDir('bench-manage');
  const journalPath = join(tmp.dir, 'data', 'journal.sqlite');
  mkdirSync(join(tmp.dir, 'data'));
  const backups = join(tmp.dir, 'usb');
  mkdirSync(backups);
  const region = buildData(journalPath);
  const { server, url } = await startFakeRegion(region);
  const journal = openJournal(journalPath, { now: () => new Date('2026-04-02T09:00:00Z') });
  try {
    const rounds = ctx.quick ? 1 : 3;
    const entries = journal.head().seq;
    configureBackups(journal, { folder: backups, keep: 2 }, join(tmp.dir, 'data'));
    const backupSeconds: number[] = [];
    const exportSeconds: number[] = [];
    const fetchSeconds: number[] = [];
    let rows = 0;
    let clock = Date.parse('2026-04-02T09:00:00Z');
    for (let i = 0; i < rounds; i += 1) {
      fetchSeconds.push(await bareFetch(url));
      const t0 = performance.now();
      const csv = await exportDebitsCsv(journal, exportPeriodBounds({ kind: 'month', month: MONTH }));
      const file = exportedFile(csv.name, 'text/csv', csv.text);
      exportSeconds.push((performance.now() - t0) / 1000);
      rows = csv.count;
      if (file.bytes === 0) throw new Error('empty export');
      clock += 60_000;
      const t1 = performance.now();
      const done = await runBackup(journal, { trigger: 'manual', now: () => new Date(clock) });
      backupSeconds.push((performance.now() - t1) / 1000);
      if (!done.ok) throw new Error(`backup failed: ${done.code}`);
    }
    if (rows !== 50_000) throw new Error(`expected 50,000 debits in ${MONTH}, exported ${rows}`);
    const exportS = median(exportSeconds);
    const fetchS = median(fetchSeconds);
    return [
      {
        name: 'backup.seconds_per_100k_entries',
        value: (median(backupSeconds) * 100_000) / entries,
        unit: `s per 100,000 entries (runBackup of a ${entries}-entry journal: backup API, integrity check, fsync, rename)`,
      },
      {
        name: 'export.month_50k_csv_s',
        value: exportS,
        unit: 's (the debits CSV of a 50,000-debit month, as manage.exportCsv makes it: text, base64, SHA-256)',
      },
      {
        name: 'export.month_50k_fetch_only_s',
        value: fetchS,
        unit: "s (baseline: the reconciliation's bare fetch of the same month's 100 pages)",
      },
      {
        name: 'export.month_50k_vs_reconcile_fetch_ratio',
        value: exportS / fetchS,
        unit: "x the reconciliation's bare fetch",
      },
    ];
  } finally {
    journal.close();
    server.close();
    tmp.remove();
  }
}
