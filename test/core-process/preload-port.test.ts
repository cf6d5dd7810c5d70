// The preload's side of the MessagePort to the core, run as Electron runs it (the built bundle in the
// sandboxed-preload environment of test/electron/sandboxed-preload-env.ts), against the real core's
// port server (servePort over a MessagePortMain, as in the utility process) on a real till:
// calls made before a port wait for it; a portless IPC_PORT message (the core died) answers the calls in
// flight CORE_RESTARTED and holds new ones; the next port serves them; a newer port replaces the old one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { IPC_PORT } from '../../preload/contract/ipc';
import { buildSandboxedPreload } from '../../scripts/sandboxed-preload.mjs';
import { createTill, type Till } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { mainPortEndpoint } from '../../main/core-process/endpoint';
import { servePort } from '../../main/core-process/serve-till';
import { runSandboxedPreload, type SandboxRun } from '../electron/sandboxed-preload-env';
import { FakeMessagePortMain } from './electron-ports';
import { makeTempDir } from '../support/tmp';

const tmp = makeTempDir('preload-port');
let code = '';
let till: Till;

beforeAll(async () => {
  const outfile = join(tmp.dir, 'preload.cjs');
  await buildSandboxedPreload({ outfile });
  code = readFileSync(outfile, 'utf8');
  till = createTill({
    dataDir: join(tmp.dir, 'data'),
    cipher: fileKeyCipher(join(tmp.dir, 'key')),
    hidBackend: null,
  });
}, 60_000);

afterAll(() => {
  till?.close();
  tmp.remove();
});

interface ExposedTill {
  invoke: (
    name: string,
    input: unknown,
  ) => Promise<{ ok: boolean; error?: { code: string }; value?: unknown }>;
  on: (event: string, listener: (payload: unknown) => void) => () => void;
}

function preload(): { run: SandboxRun; till: ExposedTill } {
  const run = runSandboxedPreload(code);
  return { run, till: run.exposed[0]!.api as ExposedTill };
}

/** A port served by the real core, as the main process would link it: one end to the core, one to the page. */
function corePort(): MessagePort {
  const { port1, port2 } = new MessageChannel();
  servePort(till, mainPortEndpoint(new FakeMessagePortMain(port1)), () => undefined);
  return port2;
}

/** Hands the page a port whose core end never answers (a core that died with the calls on it), and makes a call on it. */
async function callOnSilentPort(
  run: SandboxRun,
  api: ExposedTill,
  name: string,
): Promise<{ answer: ReturnType<ExposedTill['invoke']>; seen: unknown[] }> {
  const { port1, port2 } = new MessageChannel();
  const seen: unknown[] = [];
  port1.on('message', (m) => seen.push(m));
  run.ipc.deliver(IPC_PORT, [null], [port2 as unknown as globalThis.MessagePort]);
  const answer = api.invoke(name, {});
  await settle();
  expect(seen).toMatchObject([{ kind: 'call', name, input: {} }]);
  return { answer, seen };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

/** A call that must wait (no live port): still unanswered after the port would have answered it. */
async function heldCall(
  api: ExposedTill,
  name: string,
): Promise<{ answer: ReturnType<ExposedTill['invoke']> }> {
  let answered = false;
  const answer = api.invoke(name, {}).then((r) => ((answered = true), r));
  await settle();
  expect(answered).toBe(false);
  return { answer };
}

describe('the preload over the core port', () => {
  it('holds calls made before the port, then sends them on it; events arrive from the core', async () => {
    const { run, till: api } = preload();
    const statuses: unknown[] = [];
    api.on('status', (s) => statuses.push(s));
    const early = (await heldCall(api, 'till.status')).answer;
    run.ipc.deliver(IPC_PORT, [null], [corePort() as unknown as globalThis.MessagePort]);
    expect(await early).toMatchObject({ ok: true, value: { enrolled: false } });
    expect(await api.invoke('settings.get', {})).toMatchObject({ ok: true });
    expect(await api.invoke('staff.logout', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
    // The core tells a new port the status at once (the reconnecting UI learns its session is gone).
    expect(statuses[0]).toMatchObject({ staff: null });
  });

  it('answers calls on a dead port CORE_RESTARTED, holds new ones, and serves them on the next port', async () => {
    const { run, till: api } = preload();
    const inFlight = (await callOnSilentPort(run, api, 'till.status')).answer;

    // The core is gone: the main process says so with a port message that carries no port.
    run.ipc.deliver(IPC_PORT, [null], []);
    expect(await inFlight).toEqual({ ok: false, error: { code: 'CORE_RESTARTED' } });
    const held = (await heldCall(api, 'till.status')).answer;
    run.ipc.deliver(IPC_PORT, [null], [corePort() as unknown as globalThis.MessagePort]);
    expect(await held).toMatchObject({ ok: true });
  });

  it('switches to a newer port: calls left on the old one are answered CORE_RESTARTED, new calls go to the new one', async () => {
    const { run, till: api } = preload();
    const old = await callOnSilentPort(run, api, 'settings.get');
    const left = old.answer;
    run.ipc.deliver(IPC_PORT, [null], [corePort() as unknown as globalThis.MessagePort]);
    expect(await left).toEqual({ ok: false, error: { code: 'CORE_RESTARTED' } });
    expect(await api.invoke('settings.get', {})).toMatchObject({ ok: true });
    expect(old.seen).toHaveLength(1);
  });

  it("ignores messages that are not the core's answers or contract events", async () => {
    const { run, till: api } = preload();
    const { port1, port2 } = new MessageChannel();
    run.ipc.deliver(IPC_PORT, [null], [port2 as unknown as globalThis.MessagePort]);
    const got: unknown[] = [];
    api.on('status', (p) => got.push(p));
    port1.postMessage({ kind: 'event', event: 'secrets', payload: 1 });
    port1.postMessage('junk');
    port1.postMessage({ kind: 'result', id: 'x', result: {} });
    port1.postMessage({ kind: 'event', event: 'status', payload: { staff: null } });
    await settle();
    expect(got).toEqual([{ staff: null }]);
    port1.close();
  });
});
