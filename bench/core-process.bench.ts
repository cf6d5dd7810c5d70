// The cost of running the till core in its own process, each against a baseline measured in the same run:
// - core.call_overhead_ms: the p50 of a no-op contract call (settings.get: validated, dispatched, one
//   settings read) across the process boundary (the supervisor's channel to the forked core, structured
//   clone both ways) minus the p50 of the same call on a till in this process, in alternating blocks.
// - till.cold_start_ms: from launching browser mode (the supervisor process, which forks the core) on an
//   enrolled till whose journal holds 1,000,000 entries (100,000 with --quick) to the login screen ready
//   for a PIN in headless Chromium; till.cold_start_vs_bare_page: the same over a bare page served by
//   node:http, started the same way (node with the tsx loader) and opened in the same Chromium.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';
import { createTill } from '../main/core/till';
import { CoreSupervisor } from '../main/core-process/supervisor';
import { nodeCoreLauncher } from '../main/core-process/node-launcher';
import { JOURNAL_FILE_NAME } from '../main/journal/wipe';
import { fileKeyCipher } from '../main/secrets/secret-store';
import { chromiumLaunchOptions } from '../test/support/chromium';
import { startRegionServer, type RegionHandle } from '../test/support/region-server';
import { startTillHost } from '../test/support/till-host';
import { enrol } from '../test/support/till-calls';
import { makeTempDir } from '../test/support/tmp';
import { percentile, type Bench, type Figure } from './figure';
import { bigJournal } from './journal.bench';

const NO_OP = 'settings.get';

async function callOverhead(dir: string, calls: number): Promise<Figure> {
  const local = createTill({
    dataDir: join(dir, 'local'),
    cipher: fileKeyCipher(join(dir, 'local.key')),
    hidBackend: null,
  });
  const core = new CoreSupervisor({
    launch: nodeCoreLauncher({
      args: ['--data-dir', join(dir, 'remote'), '--key-file', join(dir, 'remote.key'), '--no-hid'],
    }),
  });
  await core.start();
  try {
    const inProcess: number[] = [];
    const crossProcess: number[] = [];
    const block = 50;
    // Warm both paths (JIT, the channel) before measuring.
    for (let i = 0; i < 200; i += 1) {
      await local.dispatch(NO_OP, {});
      await core.call(NO_OP, {});
    }
    for (let done = 0; done < calls; done += block) {
      for (let i = 0; i < block; i += 1) {
        const t0 = performance.now();
        const r = await local.dispatch(NO_OP, {});
        inProcess.push(performance.now() - t0);
        if (!r.ok) throw new Error(`in-process ${NO_OP}: ${r.error.code}`);
      }
      for (let i = 0; i < block; i += 1) {
        const t0 = performance.now();
        const r = await core.call(NO_OP, {});
        crossProcess.push(performance.now() - t0);
        if (!r.ok) throw new Error(`cross-process ${NO_OP}: ${r.error.code}`);
      }
    }
    return {
      name: 'core.call_overhead_ms',
      value: percentile(crossProcess, 50) - percentile(inProcess, 50),
      unit: 'ms',
      target: '<=1',
    };
  } finally {
    await core.stop();
    local.close();
  }
}

/** A data folder holding a copy of the big journal (SQLite's backup API), enrolled with a manager. */
async function enrolledBigTill(
  dir: string,
  entries: number,
  region: RegionHandle,
): Promise<{ dataDir: string; keyFile: string }> {
  const dataDir = join(dir, 'big');
  const keyFile = join(dir, 'big.key');
  const source = new Database(bigJournal(entries), { readonly: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    await source.backup(join(dataDir, JOURNAL_FILE_NAME));
  } finally {
    source.close();
  }
  const till = createTill({ dataDir, cipher: fileKeyCipher(keyFile), hidBackend: null });
  try {
    await enrol(till, region, {
      partnerName: 'Cinéma Cold Start',
      deviceName: 'Bench',
      managerName: 'Bench',
      pin: '135790',
    });
  } finally {
    till.close();
  }
  return { dataDir, keyFile };
}

/** Starts a bare node:http page the way the till host starts (node with the tsx loader), hands back its URL. */
async function startBarePage(): Promise<{ url: string; stop(): void }> {
  const script = [
    "const http = require('node:http');",
    "const page = '<!doctype html><meta charset=utf-8><title>bare</title><label>Code PIN <input id=pin></label>';",
    "const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page); });",
    "server.listen(0, '127.0.0.1', () => console.log('BARE_URL=http://127.0.0.1:' + server.address().port + '/'));",
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare page exited ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^BARE_URL=(.+)$/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
  });
  return { url, stop: () => void child.kill('SIGTERM') };
}

async function coldStarts(
  browser: Browser,
  rounds: number,
  till: { dataDir: string; keyFile: string },
): Promise<{ tillMs: number[]; bareMs: number[] }> {
  const tillMs: number[] = [];
  const bareMs: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      const t0 = performance.now();
      const host = await startTillHost(till);
      try {
        await page.goto(host.url);
        await page.getByLabel('Code PIN', { exact: true }).waitFor({ state: 'visible', timeout: 120_000 });
        tillMs.push(performance.now() - t0);
      } finally {
        await context.close();
        await host.stop();
      }
    }
    {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      const t0 = performance.now();
      const bare = await startBarePage();
      try {
        await page.goto(bare.url);
        await page.getByLabel('Code PIN', { exact: true }).waitFor({ state: 'visible' });
        bareMs.push(performance.now() - t0);
      } finally {
        await context.close();
        bare.stop();
      }
    }
  }
  return { tillMs, bareMs };
}

const bench: Bench = async ({ quick }) => {
  const tmp = makeTempDir('bench-core-process');
  const region = await startRegionServer();
  let browser: Browser | null = null;
  try {
    const figures: Figure[] = [await callOverhead(tmp.dir, quick ? 1_000 : 5_000)];
    const till = await enrolledBigTill(tmp.dir, quick ? 100_000 : 1_000_000, region);
    browser = await chromium.launch(chromiumLaunchOptions());
    const { tillMs, bareMs } = await coldStarts(browser, quick ? 2 : 5, till);
    const tillP50 = percentile(tillMs, 50);
    figures.push({ name: 'till.cold_start_ms', value: tillP50, unit: 'ms' });
    figures.push({ name: 'till.cold_start_bare_page_ms', value: percentile(bareMs, 50), unit: 'ms' });
    figures.push({
      name: 'till.cold_start_vs_bare_page',
      value: tillP50 / percentile(bareMs, 50),
      unit: 'ratio',
    });
    return figures;
  } finally {
    await browser?.close();
    await region.stop();
    tmp.remove();
  }
};

export default bench;
