// The journal's costs, each against a baseline measured in the same run:
// - journal.append_vs_bare_insert: a durable DEBIT_REQUESTED append (canonical JSON, chain hash, head
//   row, debit projection, one IMMEDIATE transaction, synchronous=FULL) over a bare better-sqlite3
//   INSERT of the same row with the same pragmas, one transaction each, in alternating blocks;
// - journal.verify_entries_per_s: verify() over the big journal;
// - journal.startup_1m_vs_empty: open + first append on the big journal over the same on an empty one;
// - core.rss_mb_1m_entries: peak RSS of a child process that opens the big journal, reads what the
//   till reads at start-up (head, debits awaiting the Region) and appends, measured from here.
// The big journal (1,000,000 entries; 100,000 with --quick) is built once with real chain hashes and
// projections, in batches of 50,000 entries per transaction, and cached under os.tmpdir between runs.
// Runs add a few entries to it; that does not change what is measured.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openJournal, type AppendInput } from '../main/journal/journal';
import { makeTempDir } from '../test/support/tmp';
import { percentile, type Bench, type Figure } from './figure';

const CATEGORY_ITEMS = [
  ['CINEMA', 'SEANCE'],
  ['SPECTACLE', 'PLACE'],
  ['SPORT', 'LICENCE'],
] as const;

function debitPayload(i: number, atMs: number): AppendInput['payload'] {
  const [category, item] = CATEGORY_ITEMS[i % CATEGORY_ITEMS.length]!;
  return {
    debitId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    category,
    item,
    priceCents: 950,
    amountCents: 700,
    mode: 'online',
    jti: `jti-${i.toString(36)}-bench-token`,
    beneficiaryId: `ben-${(i % 5000).toString(36)}`,
    occurredAt: new Date(atMs).toISOString(),
    tokenExp: Math.floor(atMs / 1000) + 300,
  };
}

/** A journal of `entries` entries (sales: request + acceptance), built once and cached. */
export function bigJournal(entries: number): string {
  const path = join(tmpdir(), `atouts-bench-journal-v1-${entries}.sqlite`);
  if (existsSync(path)) {
    const j = openJournal(path);
    const fine = j.brokenAtOpen === null && j.head().seq >= entries;
    j.close();
    if (fine) return path;
    rmSync(path, { force: true });
  }
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const start = Date.parse('2025-09-01T08:00:00Z');
  const j = openJournal(building, { now: () => new Date(start) });
  const batch = 50_000;
  for (let done = 0; done < entries; done += batch) {
    const inputs: AppendInput[] = [];
    for (let k = done; k < Math.min(entries, done + batch); k += 2) {
      const sale = k / 2;
      const atMs = start + sale * 30_000;
      inputs.push({
        kind: 'DEBIT_REQUESTED',
        cashierId: 'staff-1',
        at: new Date(atMs).toISOString(),
        payload: debitPayload(sale, atMs),
      });
      if (k + 1 < entries) {
        inputs.push({
          kind: 'DEBIT_ACCEPTED',
          cashierId: 'staff-1',
          at: new Date(atMs + 400).toISOString(),
          payload: {
            debitId: String(debitPayload(sale, atMs).debitId),
            walletBalanceCents: 1300,
            acceptedAt: new Date(atMs + 300).toISOString(),
          },
        });
      }
    }
    j.appendAll(inputs);
  }
  j.close();
  renameSync(building, path);
  return path;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function appendVsBare(dir: string, rounds: number): Figure {
  const j = openJournal(join(dir, 'append.sqlite'));
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.pragma('foreign_keys = ON');
  bare.exec(
    'CREATE TABLE entries (seq INTEGER PRIMARY KEY, device_id TEXT, kind TEXT NOT NULL, at TEXT NOT NULL, cashier_id TEXT, payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)',
  );
  const insert = bare.prepare(
    'INSERT INTO entries (seq, device_id, kind, at, cashier_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertOne = bare.transaction((seq: number, payload: string) =>
    insert.run(
      seq,
      'device-1',
      'DEBIT_REQUESTED',
      new Date().toISOString(),
      'staff-1',
      payload,
      'a'.repeat(64),
      'b'.repeat(64),
    ),
  );
  let appendMs = 0;
  let bareMs = 0;
  const block = 25;
  for (let i = 0; i < rounds; i += block) {
    appendMs += time(() => {
      for (let k = i; k < i + block; k += 1)
        j.append({ kind: 'DEBIT_REQUESTED', cashierId: 'staff-1', payload: debitPayload(k, Date.now()) });
    });
    bareMs += time(() => {
      for (let k = i; k < i + block; k += 1)
        insertOne.immediate(k + 1, JSON.stringify(debitPayload(k, Date.now())));
    });
  }
  j.close();
  bare.close();
  return { name: 'journal.append_vs_bare_insert', value: appendMs / bareMs, unit: 'ratio', target: '<=1.5' };
}

function startupRatio(big: string, dir: string, rounds: number): Figure {
  const empty = join(dir, 'empty.sqlite');
  openJournal(empty).close();
  const openAndAppend = (path: string): number => {
    let journal: ReturnType<typeof openJournal> | undefined;
    const ms = time(() => {
      journal = openJournal(path);
      journal.append({ kind: 'STARTUP', payload: { bench: true } });
    });
    journal?.close();
    return ms;
  };
  const bigMs: number[] = [];
  const emptyMs: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    bigMs.push(openAndAppend(big));
    emptyMs.push(openAndAppend(empty));
  }
  return {
    name: 'journal.startup_1m_vs_empty',
    value: percentile(bigMs, 50) / percentile(emptyMs, 50),
    unit: 'ratio',
    target: '<=1.2',
  };
}

/** Peak RSS (VmHWM) of a child that opens the journal like the till core does, read from /proc. */
async function childPeakRssMb(path: string): Promise<number> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--rss-child', path], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ready = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`the RSS child exited with ${code} before it was ready`)));
  });
  if (!ready.startsWith('ready')) throw new Error(`the RSS child said ${ready}`);
  let kb: number;
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  } finally {
    child.stdin.end();
  }
  await new Promise((resolve) => child.on('exit', resolve));
  return kb / 1024;
}

const bench: Bench = async ({ quick }) => {
  const entries = quick ? 100_000 : 1_000_000;
  const tmp = makeTempDir('bench-journal');
  try {
    const figures: Figure[] = [appendVsBare(tmp.dir, quick ? 200 : 1000)];
    const big = bigJournal(entries);
    const j = openJournal(big, { readOnly: true });
    let result: ReturnType<typeof j.verify> | undefined;
    const verifyMs = time(() => (result = j.verify()));
    j.close();
    if (!result?.ok) throw new Error(`the big journal does not verify: ${JSON.stringify(result)}`);
    figures.push({
      name: 'journal.verify_entries_per_s',
      value: result.count / (verifyMs / 1000),
      unit: 'entries/s',
    });
    figures.push(startupRatio(big, tmp.dir, quick ? 5 : 9));
    figures.push({
      name: 'core.rss_mb_1m_entries',
      value: await childPeakRssMb(big),
      unit: 'MB',
      target: '<=150',
    });
    return figures;
  } finally {
    tmp.remove();
  }
};

export default bench;

// The RSS child: open, read what start-up reads, append, say ready, wait to be measured.
if (process.argv[2] === '--rss-child' && process.argv[3]) {
  const journal = openJournal(process.argv[3]);
  journal.head();
  journal.debits.awaitingRegion();
  journal.append({ kind: 'STARTUP', payload: { bench: 'rss' } });
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    journal.close();
    process.exit(0);
  });
}
