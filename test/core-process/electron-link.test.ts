// The Electron side of the core process without the Electron binary: the shell's launcher and page links
// (main/shell/core-link.ts) and the supervisor, with `electron`'s utilityProcess and MessageChannelMain
// reproduced after their source (see electron-ports.ts): utilityProcess.fork runs the real core entry in a
// worker thread whose `process.parentPort` behaves as Electron's, child.postMessage(message, [ports])
// transfers the ports, 'exit' follows the end of the process. The page is the real preload bundle in
// Electron's sandboxed-preload environment, so a call goes renderer → port → core and back, as it will in
// the app. The core is killed, comes back, and the page is linked again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { buildSandboxedPreload } from '../../scripts/sandboxed-preload.mjs';
import { CoreSupervisor } from '../../main/core-process/supervisor';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { electronCoreLauncher, PageLinks, type LinkablePage } from '../../main/shell/core-link';
import { runSandboxedPreload } from '../electron/sandboxed-preload-env';
import { FakeMessagePortMain, type Envelope } from './electron-ports';
import { makeTempDir } from '../support/tmp';
import { until } from './until';

const forks: { modulePath: string; args: string[]; options: unknown; worker: Worker }[] = [];

vi.mock('electron', () => ({
  // lib/browser/api/message-channel.ts: two entangled MessagePortMain.
  MessageChannelMain: class {
    readonly port1: FakeMessagePortMain;
    readonly port2: FakeMessagePortMain;
    constructor() {
      const { port1, port2 } = new MessageChannel();
      this.port1 = new FakeMessagePortMain(port1);
      this.port2 = new FakeMessagePortMain(port2);
    }
  },
  // lib/browser/api/utility-process.ts: fork(modulePath, args, options) → an EventEmitter with pid,
  // postMessage(message, transfer?), kill(); 'message' with the bare value, 'exit' with the code.
  utilityProcess: {
    fork(modulePath: string, args: string[], options: unknown) {
      const worker = new Worker(new URL('./utility-harness.mjs', import.meta.url), {
        argv: args,
        stdout: true,
        stderr: true,
      });
      forks.push({ modulePath, args, options, worker });
      const child = Object.assign(new EventEmitter(), {
        pid: worker.threadId,
        postMessage(message: unknown, transfer: FakeMessagePortMain[] = []) {
          const ports = transfer.map((p) => p.port);
          worker.postMessage({ data: message, ports } satisfies Envelope, ports);
        },
        kill() {
          void worker.terminate();
          return true;
        },
      });
      worker.on('message', (m) => child.emit('message', m));
      worker.on('exit', (code) => child.emit('exit', code));
      return child;
    },
  },
}));

const tmp = makeTempDir('electron-link');
let code = '';

beforeAll(async () => {
  const outfile = join(tmp.dir, 'preload.cjs');
  await buildSandboxedPreload({ outfile });
  code = readFileSync(outfile, 'utf8');
}, 60_000);
afterAll(() => tmp.remove());

describe('the shell, its core utility process and a page', () => {
  it('links the page to the core, again after each load and after a core restart', async () => {
    const run = runSandboxedPreload(code);
    const till = run.exposed[0]!.api as {
      invoke(name: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }>;
    };
    const delivered: number[] = [];
    const page: LinkablePage = {
      getURL: () => 'app://till/index.html',
      isDestroyed: () => false,
      postMessage: (channel, message, transfer = []) => {
        delivered.push(transfer.length);
        run.ipc.deliver(
          channel,
          [message],
          transfer.map((p) => (p as unknown as FakeMessagePortMain).port as unknown as MessagePort),
        );
      },
    };
    const stranger: LinkablePage = {
      getURL: () => 'https://example.org/',
      isDestroyed: () => false,
      postMessage: () => expect.fail('a foreign page got a port'),
    };
    const logs: Record<string, unknown>[] = [];
    // eslint-disable-next-line prefer-const -- the supervisor's callbacks need the links, the links the supervisor.
    let links: PageLinks;
    const core = new CoreSupervisor({
      launch: electronCoreLauncher(
        '/app/dist/main/core-process.cjs',
        ['--data-dir', join(tmp.dir, 'data'), '--secrets', 'broker', '--no-hid'],
        () => undefined,
      ),
      log: (message, fields) => logs.push({ message, ...fields }),
      secrets: fileKeyCipher(join(tmp.dir, 'keychain.key')),
      backoffMs: [50],
      onReady: (generation) => links.coreReady(generation, [page, stranger]),
      onDown: () => links.coreDown([page, stranger]),
    });
    links = new PageLinks(core, (url) => url.startsWith('app://till/'));

    // The page loads before the core is ready: its call waits; the ready core links it.
    void core.start();
    links.pageLoaded(page);
    expect(delivered).toEqual([]);
    expect(await till.invoke('till.status', {})).toMatchObject({ ok: true });
    expect(delivered).toEqual([1]);
    expect(forks[0]).toMatchObject({
      modulePath: '/app/dist/main/core-process.cjs',
      options: { serviceName: 'Atouts core', stdio: 'inherit' },
    });

    // A reload: a port of its own.
    links.pageLoaded(page);
    expect(delivered).toEqual([1, 1]);
    expect(await till.invoke('settings.get', {})).toMatchObject({ ok: true });

    // The core dies: the page is told its port is dead, its calls wait, and the new core serves them.
    const firstPid = core.pid;
    // The worker ending at once is what a crash of the utility process looks like to the main process.
    await forks.at(-1)!.worker.terminate();
    await until('the page told', () => (delivered.at(-1) === 0 ? true : undefined));
    expect(core.isReady).toBe(false);
    const held = till.invoke('till.status', {});
    await until('a new core', () => (core.isReady && core.pid !== firstPid ? true : undefined));
    expect(await held).toMatchObject({ ok: true });
    expect(delivered).toEqual([1, 1, 0, 1]);
    expect(logs.some((l) => l.message === 'core exited: restarting')).toBe(true);

    await core.stop();
    expect(forks).toHaveLength(2);
  }, 60_000);
});
