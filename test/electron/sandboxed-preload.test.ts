// The preload as Electron's sandboxed renderer runs it (see sandboxed-preload-env.ts for the source it
// follows). The bundle is built here by the same function `npm run build` uses for
// dist/preload/preload.cjs (scripts/sandboxed-preload.mjs), into a temporary folder, so the test sees the
// current preload and never writes the shared dist/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { EVENT_NAME_LIST, IPC_PORT } from '../../preload/contract/ipc';
import {
  buildSandboxedPreload,
  sandboxedPreloadProblems,
  SANDBOXED_PRELOAD_MODULES,
} from '../../scripts/sandboxed-preload.mjs';
import { makeTempDir } from '../support/tmp';
import { runSandboxedPreload, type SandboxRun } from './sandboxed-preload-env';

const tmp = makeTempDir('preload');
const outfile = join(tmp.dir, 'preload.cjs');
let code = '';

beforeAll(async () => {
  await buildSandboxedPreload({ outfile });
  code = readFileSync(outfile, 'utf8');
});
afterAll(() => tmp.remove());

interface ExposedTill {
  invoke: (name: string, input: unknown) => Promise<unknown>;
  on: (event: string, listener: (payload: unknown) => void) => () => void;
  transport: string;
}

function exposedTill(run: SandboxRun): ExposedTill {
  // `till` (the contract) and `tillShell` (the shell's broker: print, printers, the updater's state; nothing else).
  expect(run.exposed.map((e) => e.key)).toEqual(['till', 'tillShell']);
  expect(Object.keys(run.exposed[1]!.api as object).sort()).toEqual(['print', 'printers', 'updateState']);
  return run.exposed[0]!.api as ExposedTill;
}

describe('the sandboxed preload bundle', () => {
  it('has no banner and requires only what a sandboxed preload is served', () => {
    expect(code).not.toContain('__importMetaUrl');
    expect(sandboxedPreloadProblems(code)).toEqual([]);
  });

  it("runs with only Electron's parameters and exposes `till` and the shell's broker, nothing else", () => {
    const run = runSandboxedPreload(code);
    const till = exposedTill(run);
    expect(Object.keys(till).sort()).toEqual(['invoke', 'on', 'transport']);
    expect(till.transport).toBe('electron');
    expect(typeof till.invoke).toBe('function');
    expect(typeof till.on).toBe('function');
    expect(run.required.every((name) => SANDBOXED_PRELOAD_MODULES.includes(name))).toBe(true);
    // ipcRenderer may be read lazily, at the first call; nothing else of electron is touched.
    expect(run.electronUsed.has('contextBridge')).toBe(true);
    expect(
      [...run.electronUsed].filter((name) => name !== 'contextBridge' && name !== 'ipcRenderer'),
    ).toEqual([]);
  });

  it('makes every event of the contract subscribable, and delivers it until unsubscribed', async () => {
    const run = runSandboxedPreload(code);
    const till = exposedTill(run);
    // Events come from the core on the port the main process hands over (main/shell/core-link.ts).
    const { port1: core, port2: page } = new MessageChannel();
    run.ipc.deliver(IPC_PORT, [null], [page]);
    const flush = () => new Promise((r) => setTimeout(r, 10));
    for (const event of EVENT_NAME_LIST) {
      const got: unknown[] = [];
      const off = till.on(event, (payload) => got.push(payload));
      expect(typeof off, event).toBe('function');
      core.postMessage({ kind: 'event', event, payload: { n: 1 } });
      core.postMessage({ kind: 'event', event: EVENT_NAME_LIST.find((e) => e !== event), payload: { n: 2 } });
      await flush();
      off();
      core.postMessage({ kind: 'event', event, payload: { n: 3 } });
      await flush();
      expect(got, event).toEqual([{ n: 1 }]);
    }
    // A name outside the contract is never wired to anything.
    const stray: unknown[] = [];
    till.on('secrets', (p) => stray.push(p));
    core.postMessage({ kind: 'event', event: 'secrets', payload: 1 });
    await flush();
    expect(stray).toEqual([]);
    core.close();
  });

  it('round-trips a call', async () => {
    const run = runSandboxedPreload(code);
    const { port1: core, port2: page } = new MessageChannel();
    core.onmessage = (e: MessageEvent<{ id: number; name: string; input: unknown }>) =>
      core.postMessage({
        kind: 'result',
        id: e.data.id,
        result: { ok: true, value: { name: e.data.name, input: e.data.input } },
      });
    run.ipc.deliver(IPC_PORT, [null], [page]);
    const till = exposedTill(run);
    await expect(till.invoke('till.status', { a: 1 })).resolves.toEqual({
      ok: true,
      value: { name: 'till.status', input: { a: 1 } },
    });
    core.close();
  });
});

describe('the sandbox harness and the build check fail a preload Electron would not run', () => {
  it('the preload built like the main process (with its __filename banner) dies on its first line', async () => {
    const bad = join(tmp.dir, 'bannered.cjs');
    await build({
      entryPoints: [resolve('preload/preload.ts')],
      outfile: bad,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    expect(() => runSandboxedPreload(readFileSync(bad, 'utf8'))).toThrow(/__filename is not defined/);
  });

  it.each([
    ["require('fs')", /require\('fs'\) is not served/],
    ["require('node:path')", /require\('node:path'\) is not served/],
    ['require(`electron/main`)', /require\('electron\/main'\) is not served/],
    ['require(name)', /computed argument/],
    ["require('ev' + 'ents')", /computed argument/],
    ['module.exports = __dirname', /__dirname does not exist/],
    ['const u = import.meta.url', /import\.meta does not exist/],
  ])('the text check refuses %s', (snippet, problem) => {
    const problems = sandboxedPreloadProblems(`"use strict";\nvar e = require("electron");\n${snippet};\n`);
    expect(problems.join('\n')).toMatch(problem);
  });

  it('accepts every module of the sandbox list, and the harness throws for others like Electron', () => {
    expect(
      sandboxedPreloadProblems(SANDBOXED_PRELOAD_MODULES.map((m) => `require("${m}");`).join('\n')),
    ).toEqual([]);
    expect(() => runSandboxedPreload("require('fs');")).toThrow('module not found: fs');
    expect(() => runSandboxedPreload('process.exit;__dirname;')).toThrow(/__dirname is not defined/);
  });

  it.each([
    [
      'a Node built-in',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      /node:fs/,
    ],
    [
      'an Electron main-process module',
      "import { app } from 'electron/main';\nexport const x = app;\n",
      /electron\/main/,
    ],
    [
      'a computed require',
      "declare const require: (n: string) => unknown;\nconst n = ['f', 's'].join('');\nexport const x = require(n);\n",
      /computed argument/,
    ],
    ['__dirname', 'declare const __dirname: string;\nexport const x = __dirname;\n', /__dirname/],
  ])('the build refuses a preload using %s', async (_what, source, problem) => {
    const entry = join(tmp.dir, `bad-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(entry, source);
    await expect(buildSandboxedPreload({ entry, outfile: join(tmp.dir, 'bad.cjs') })).rejects.toThrow(
      problem,
    );
  });
});
