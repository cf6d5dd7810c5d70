// reconcile.month_50k_s / reconcile.peak_rss_mb: reconciling a month of 50,000 debits, timed and
// measured in a fresh process (as `till reconcile` runs) through the real RegionClient over loopback
// HTTP. The Region side is a small fake server started here, serving the same 50,000 debits from
// memory in pages of 500 (the reference server's database may not be seeded directly, and filling it
// through its API would take far longer than the bench may). The journal is a real file built before
// timing. Baseline in the same process: fetching the same pages with bare fetch + JSON.parse.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parisMonthBounds } from '../protocol/paris-time';
import { openJournal, type AppendInput } from '../main/journal/journal';
import type { DebitView } from '../protocol/debits';
import { RegionClient } from '../main/region/client';
import { reconcileMonth } from '../main/reconciliation/reconcile';
import { makeTempDir } from '../test/support/tmp';
import type { Figure } from './figure';

const MONTH = '2026-03';
const DEVICE = 'D-BENCH-1';
const DEBITS = 50_000;
const PAGE = 500;

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  baselineSeconds: number;
  peakRssMb: number;
  startRssMb: number;
  differences: number;
}

/** The journal file and the Region's list, from the same debits (with a few planted differences). */
export function buildData(journalPath: string): DebitView[] {
  const journal = openJournal(journalPath, { now: () => new Date('2026-04-02T08:00:00Z') });
  journal.setDeviceId(DEVICE);
  const { start, end } = parisMonthBounds(MONTH);
  const step = Math.floor((end - start) / (DEBITS + 100));
  const region: DebitView[] = [];
  let batch: AppendInput[] = [];
  for (let i = 0; i < DEBITS; i += 1) {
    const id = randomUUID();
    const occurredAt = new Date(start + (i + 1) * step).toISOString();
    const amountCents = 100 + ((i * 37) % 2900);
    batch.push({
      kind: 'DEBIT_REQUESTED',
      cashierId: 'c-1',
      at: occurredAt,
      payload: {
        debitId: id,
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 3000,
        amountCents,
        mode: 'online',
        jti: `j-${id}`,
        beneficiaryId: `B-${i}`,
        occurredAt,
        tokenExp: 1_900_000_000,
      },
    });
    batch.push({
      kind: 'DEBIT_ACCEPTED',
      cashierId: 'c-1',
      at: occurredAt,
      payload: { debitId: id, walletBalanceCents: 0, acceptedAt: occurredAt },
    });
    // Planted: 10 the Region never saw, 20 voided at the Region; every other one identical.
    if (i % 5000 !== 7) {
      region.push({
        id,
        deviceId: DEVICE,
        deviceSeq: i + 1,
        category: 'CINEMA',
        item: 'SEANCE',
        amountCents,
        priceCents: 3000,
        status: i % 2500 === 11 ? 'voided' : 'accepted',
        mode: 'online',
        occurredAt,
        acceptedAt: occurredAt,
        voidedAt: null,
      });
    }
    if (batch.length >= 4000) {
      journal.appendAll(batch);
      batch = [];
    }
  }
  journal.appendAll(batch);
  journal.close();
  // And 30 debits of another device of the partner.
  for (let i = 0; i < 30; i += 1) {
    const occurredAt = new Date(start + (i * 997 + 3) * step).toISOString();
    region.push({
      id: randomUUID(),
      deviceId: 'D-BENCH-2',
      deviceSeq: i + 1,
      category: 'CINEMA',
      item: 'SEANCE',
      amountCents: 500,
      priceCents: 900,
      status: 'accepted',
      mode: 'online',
      occurredAt,
      acceptedAt: occurredAt,
      voidedAt: null,
    });
  }
  region.sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1,
  );
  return region;
}

/** Pages keyed by offset, serialised once: the fake server should cost the timed side nothing. */
export function startFakeRegion(items: readonly DebitView[]): Promise<{ server: Server; url: string }> {
  const pages = new Map<number, string>();
  for (let offset = 0; offset < items.length || offset === 0; offset += PAGE) {
    const next = offset + PAGE < items.length ? String(offset + PAGE) : null;
    pages.set(offset, JSON.stringify({ items: items.slice(offset, offset + PAGE), nextCursor: next }));
  }
  const accepted = items.filter((d) => d.status === 'accepted');
  const statements = JSON.stringify([
    {
      month: MONTH,
      status: 'closed',
      debitCount: accepted.length,
      totalCents: accepted.reduce((n, d) => n + d.amountCents, 0),
      closedAt: '2026-04-01T06:00:00.000Z',
      paidAt: null,
      contestUntil: null,
    },
  ]);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let body: string | undefined;
    if (url.pathname === '/v1/debits') body = pages.get(Number(url.searchParams.get('cursor') ?? '0'));
    else if (url.pathname === '/v1/statements') body = statements;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body ?? '{"code":"NOT_FOUND"}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** The measured side, in a process of its own so that its peak memory is its own. */
async function child(): Promise<void> {
  const url = process.env['RECONCILE_BENCH_URL']!;
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  for (let cursor: string | null = '0'; cursor !== null;) {
    const page = (await (await fetch(`${url}/v1/debits?cursor=${cursor}&limit=${PAGE}`)).json()) as {
      nextCursor: string | null;
    };
    cursor = page.nextCursor;
  }
  const baselineSeconds = (performance.now() - t0) / 1000;
  const journal = openJournal(process.env['RECONCILE_BENCH_JOURNAL']!, {
    now: () => new Date('2026-04-02T09:00:00Z'),
  });
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const view = await reconcileMonth(
    {
      journal,
      source: new RegionClient({ baseUrl: url, token: 'bench-token' }),
      now: () => Date.parse('2026-04-02T09:00:00Z'),
    },
    MONTH,
  );
  const seconds = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  journal.close();
  const result: ChildResult = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    baselineSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb,
    differences: view.differences.length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(url: string, journalPath: string): Promise<ChildResult> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', self], {
      env: {
        ...process.env,
        RECONCILE_BENCH_CHILD: '1',
        RECONCILE_BENCH_URL: url,
        RECONCILE_BENCH_JOURNAL: journalPath,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    p.on('error', reject);
    p.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{'))
        reject(new Error(`reconcile bench child exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as ChildResult);
    });
  });
}

export default async function run(ctx: { quick: boolean }): Promise<Figure[]> {
  const tmp = makeTempDir('bench-reconcile');
  const journalPath = join(tmp.dir, 'journal.sqlite');
  const region = buildData(journalPath);
  const { server, url } = await startFakeRegion(region);
  try {
    const rounds = ctx.quick ? 1 : 3;
    const results: ChildResult[] = [];
    for (let i = 0; i < rounds; i += 1) results.push(await runChild(url, journalPath));
    const median = <T>(xs: T[], f: (x: T) => number) =>
      xs.map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const seconds = median(results, (r) => r.seconds);
    const baseline = median(results, (r) => r.baselineSeconds);
    if (results[0]!.differences !== 61)
      throw new Error(
        `expected 61 planted differences (10 + 20 + 30 + the statement), got ${results[0]!.differences}`,
      );
    return [
      {
        name: 'reconcile.month_50k_s',
        value: seconds,
        unit: 's (50,000 debits: real client, loopback fake Region serving pages from memory)',
        target: '<=2',
      },
      {
        name: 'reconcile.month_50k_cpu_s',
        value: median(results, (r) => r.cpuSeconds),
        unit: 's of CPU in the reconciling process (shows how much of the wall time is a busy machine)',
      },
      {
        name: 'reconcile.load_average',
        value: loadavg()[0] ?? 0,
        unit:
          'runnable processes (1 min) when measured, on this many cores: ' + String(availableParallelism()),
      },
      {
        name: 'reconcile.peak_rss_mb',
        value: Math.max(...results.map((r) => r.peakRssMb)),
        unit: 'MB (peak RSS of the reconciling process)',
      },
      {
        name: 'reconcile.start_rss_mb',
        value: median(results, (r) => r.startRssMb),
        unit: 'MB (same process before the run: the baseline)',
      },
      {
        name: 'reconcile.fetch_only_s',
        value: baseline,
        unit: 's (baseline: same pages, bare fetch + JSON.parse)',
      },
      { name: 'reconcile.vs_fetch_ratio', value: seconds / baseline, unit: 'x the bare fetch' },
    ];
  } finally {
    server.close();
    tmp.remove();
  }
}

if (process.env['RECONCILE_BENCH_CHILD'] === '1') await child();
