// The core's entry as Electron runs it in a utility process (see electron-ports.ts for the semantics and
// the source they come from): the main process seals and opens the device key for it, hands it a
// renderer's port with `child.postMessage({ kind: 'connect' }, [port])`, and the renderer's calls go
// straight to the core on that port, through the one dispatch table, with every message validated.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openJournal } from '../../main/journal/journal';
import { JOURNAL_FILE_NAME } from '../../main/journal/wipe';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { SEALED_KEY_FILE } from '../../main/core-process/brokered-cipher';
import type { Envelope } from './electron-ports';
import { makeTempDir } from '../support/tmp';

interface Utility {
  worker: Worker;
  /** Messages the core posted to its parent, in order. */
  received: unknown[];
  post(data: unknown, ports?: MessagePort[]): void;
  next(predicate: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<number>;
}

const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function startUtility(dataDir: string, mainKeyFile: string): Utility {
  const worker = new Worker(new URL('./utility-harness.mjs', import.meta.url), {
    argv: ['--data-dir', dataDir, '--secrets', 'broker', '--no-hid'],
    stdout: true,
    stderr: true,
  });
  // The main process's side of the broker: a cipher only it can use (safeStorage in Electron).
  const mainCipher = fileKeyCipher(mainKeyFile);
  const received: unknown[] = [];
  const waiters: {
    predicate: (m: Record<string, unknown>) => boolean;
    resolve: (m: Record<string, unknown>) => void;
  }[] = [];
  const post = (data: unknown, ports: MessagePort[] = []) =>
    worker.postMessage({ data, ports } satisfies Envelope, ports);
  worker.on('message', (message: Record<string, unknown>) => {
    received.push(message);
    if (message.kind === 'secret') {
      const text =
        message.op === 'seal'
          ? mainCipher.encrypt(String(message.text))
          : mainCipher.decrypt(String(message.text));
      post({
        kind: 'secret-answer',
        id: message.id,
        ok: true,
        text,
        protection: { store: 'os-keychain', backend: 'test' },
      });
    }
    for (const w of waiters.splice(0)) {
      if (w.predicate(message)) w.resolve(message);
      else waiters.push(w);
    }
  });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
  return {
    worker,
    received,
    post,
    exited,
    next: (predicate) => {
      const already = received.find((m) => predicate(m as Record<string, unknown>));
      if (already) return Promise.resolve(already as Record<string, unknown>);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

/** The renderer's end of a port: calls by id, events in order. */
function rendererEnd(port: MessagePort) {
  const results = new Map<number, (r: unknown) => void>();
  const events: { event: string; payload: unknown }[] = [];
  port.on(
    'message',
    (m: { kind: string; id?: number; result?: unknown; event?: string; payload?: unknown }) => {
      if (m.kind === 'result') results.get(m.id!)?.(m.result);
      else events.push({ event: m.event!, payload: m.payload });
    },
  );
  let id = 1;
  return {
    events,
    call: (name: string, input: unknown = {}) =>
      new Promise<unknown>((resolve) => {
        const callId = id++;
        results.set(callId, resolve);
        port.postMessage({ kind: 'call', id: callId, name, input });
      }),
    raw: (message: unknown, replyId: number) =>
      new Promise<unknown>((resolve) => {
        results.set(replyId, resolve);
        port.postMessage(message);
      }),
  };
}

describe('the core entry in an Electron utility process', () => {
  it('opens its key through the main process, serves a renderer port, validates calls and stops cleanly', async () => {
    const tmp = makeTempDir('utility');
    temps.push(tmp);
    const dataDir = join(tmp.dir, 'data');
    const core = startUtility(dataDir, join(tmp.dir, 'main-keychain.key'));

    // No key yet: the core has one sealed by the main process before the till opens, then says ready.
    const seal = await core.next((m) => m.kind === 'secret');
    expect(seal).toMatchObject({ op: 'seal' });
    await core.next((m) => m.kind === 'ready');
    // The sealed key is written when a secret is first sealed (the enrolment), not before.
    expect(existsSync(join(dataDir, SEALED_KEY_FILE))).toBe(false);

    const first = new MessageChannel();
    core.post({ kind: 'connect' }, [first.port1]);
    const page = rendererEnd(first.port2);
    const status = (await page.call('till.status')) as { ok: boolean; value: Record<string, unknown> };
    expect(status.ok).toBe(true);
    expect(status.value).toMatchObject({
      enrolled: false,
      staff: null,
      secretProtection: { store: 'os-keychain', backend: 'test' },
    });
    // The page learnt the status as soon as it connected: a UI reconnecting after a restart goes to the login.
    expect(page.events[0]).toMatchObject({ event: 'status', payload: { staff: null } });

    expect(await page.call('no.such.call')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(await page.call('staff.logout')).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    expect(await page.call('staff.login', { staffId: 'x', pin: 'not a pin', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    // A malformed message that still names its id gets a coded answer, not silence.
    expect(await page.raw({ kind: 'call', id: 99, name: 42 }, 99)).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });

    // A reload: the old port closes, a new one serves.
    first.port2.close();
    const second = new MessageChannel();
    core.post({ kind: 'connect' }, [second.port1]);
    const reloaded = rendererEnd(second.port2);
    expect(await reloaded.call('settings.get')).toMatchObject({ ok: true });

    // The parent channel saw no call traffic of the page, only its own notices and the events.
    expect(
      core.received.every((m) =>
        ['secret', 'ready', 'sale', 'event'].includes(String((m as { kind: string }).kind)),
      ),
    ).toBe(true);

    core.post({ kind: 'stop' });
    expect(await core.exited).toBe(0);
    second.port2.close();
    const journal = openJournal(join(dataDir, JOURNAL_FILE_NAME));
    try {
      expect(journal.head().seq).toBeGreaterThanOrEqual(2);
      expect(journal.verify().ok).toBe(true);
      expect(journal.list({ limit: 5, order: 'desc' })[0]?.kind).toBe('SHUTDOWN');
    } finally {
      journal.close();
    }
  }, 60_000);
});
