// The supervisor's own decisions, with a scripted core in place of a process (the real entry under a
// real fork is core-restart.test.ts): how long it waits before each restart (bounded, and back to the
// first pause after a core that ran long), which calls get CORE_RESTARTED, and the secret broker's answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { CoreSupervisor, type CoreChild } from '../../main/core-process/supervisor';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { makeTempDir } from '../support/tmp';

interface ScriptedCore extends CoreChild {
  posted: unknown[];
  say(message: unknown): void;
  die(code: number | null, signal?: string | null): void;
}

function scripted(launched: ScriptedCore[]): () => CoreChild {
  return () => {
    let onMessage: (m: unknown) => void = () => undefined;
    let onExit: (code: number | null, signal: string | null) => void = () => undefined;
    const core: ScriptedCore = {
      pid: 1000 + launched.length,
      posted: [],
      post: (m) => void core.posted.push(m),
      onMessage: (l) => void (onMessage = l),
      onExit: (l) => void (onExit = l),
      kill: () => onExit(null, 'SIGKILL'),
      say: (m) => onMessage(m),
      die: (code, signal = null) => onExit(code, signal),
    };
    launched.push(core);
    return core;
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the core supervisor', () => {
  it('restarts a crashing core after bounded pauses, and from the first pause again after a long run', async () => {
    const launched: ScriptedCore[] = [];
    const supervisor = new CoreSupervisor({
      launch: scripted(launched),
      backoffMs: [100, 500, 2_000],
      stableAfterMs: 60_000,
    });
    void supervisor.start();
    const pauses: number[] = [];
    for (let crash = 0; crash < 5; crash += 1) {
      const before = launched.length;
      launched.at(-1)!.die(70);
      let waited = 0;
      while (launched.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      pauses.push(waited);
    }
    expect(pauses).toEqual([100, 500, 2_000, 2_000, 2_000]);

    // A core that ran a long time before dying is restarted after the first pause again.
    launched.at(-1)!.say({ kind: 'ready', pid: 1 });
    await vi.advanceTimersByTimeAsync(61_000);
    const before = launched.length;
    launched.at(-1)!.die(null, 'SIGKILL');
    await vi.advanceTimersByTimeAsync(100);
    expect(launched.length).toBe(before + 1);
    expect(supervisor.crashCount).toBe(6);
    const stopped = supervisor.stop();
    launched.at(-1)!.die(0);
    await stopped;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(launched.length).toBe(before + 1);
  });

  it('answers CORE_RESTARTED to the calls in flight when the core dies, and sends queued calls to the next core', async () => {
    const launched: ScriptedCore[] = [];
    const supervisor = new CoreSupervisor({ launch: scripted(launched), backoffMs: [10] });
    const started = supervisor.start();
    launched[0]!.say({ kind: 'ready', pid: 1 });
    await started;
    const inFlight = supervisor.call('till.status', {});
    expect(launched[0]!.posted).toEqual([{ kind: 'call', id: 1, name: 'till.status', input: {} }]);
    launched[0]!.die(null, 'SIGKILL');
    expect(await inFlight).toEqual({ ok: false, error: { code: 'CORE_RESTARTED' } });

    const queued = supervisor.call('settings.get', {});
    await vi.advanceTimersByTimeAsync(10);
    expect(launched).toHaveLength(2);
    expect(launched[1]!.posted).toEqual([]);
    launched[1]!.say({ kind: 'ready', pid: 2 });
    expect(launched[1]!.posted).toEqual([{ kind: 'call', id: 2, name: 'settings.get', input: {} }]);
    launched[1]!.say({ kind: 'result', id: 2, result: { ok: true, value: { lang: 'fr' } } });
    expect(await queued).toEqual({ ok: true, value: { lang: 'fr' } });

    // A result that is not a CallResult, and a message of no known shape, change nothing but a coded answer.
    const odd = supervisor.call('settings.get', {});
    launched[1]!.say({ kind: 'result', id: 3, result: 'not a result' });
    launched[1]!.say({ kind: 'nonsense' });
    expect(await odd).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const stopped = supervisor.stop();
    expect(launched[1]!.posted.at(-1)).toEqual({ kind: 'stop' });
    launched[1]!.die(0);
    await stopped;
    expect(await supervisor.call('till.status', {})).toMatchObject({
      ok: false,
      error: { code: 'CORE_UNAVAILABLE' },
    });
  });

  it('gives up on a queued call after its timeout, and kills a core that does not stop in time', async () => {
    const launched: ScriptedCore[] = [];
    const supervisor = new CoreSupervisor({
      launch: scripted(launched),
      queueTimeoutMs: 1_000,
      stopTimeoutMs: 500,
    });
    void supervisor.start();
    const waiting = supervisor.call('till.status', {});
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await waiting).toEqual({ ok: false, error: { code: 'CORE_UNAVAILABLE' } });
    launched[0]!.say({ kind: 'ready', pid: 1 });
    const stopped = supervisor.stop();
    await vi.advanceTimersByTimeAsync(500);
    await stopped;
    expect(launched).toHaveLength(1);
  });

  it('seals and opens for the core with the main process cipher, and answers a coded refusal', async () => {
    const tmp = makeTempDir('supervisor-secrets');
    try {
      const launched: ScriptedCore[] = [];
      const secrets = fileKeyCipher(join(tmp.dir, 'key'), { store: 'os-keychain', backend: 'kwallet6' });
      const supervisor = new CoreSupervisor({ launch: scripted(launched), secrets });
      void supervisor.start();
      const core = launched[0]!;
      core.say({ kind: 'secret', id: 1, op: 'seal', text: 'the-key' });
      const sealed = core.posted[0] as { ok: boolean; text: string; protection: unknown };
      expect(sealed).toMatchObject({
        kind: 'secret-answer',
        id: 1,
        ok: true,
        protection: { store: 'os-keychain', backend: 'kwallet6' },
      });
      expect(sealed.text).not.toContain('the-key');
      core.say({ kind: 'secret', id: 2, op: 'open', text: sealed.text });
      expect(core.posted[1]).toMatchObject({ kind: 'secret-answer', id: 2, ok: true, text: 'the-key' });
      core.say({ kind: 'secret', id: 3, op: 'open', text: 'v1.not.a.secret' });
      expect(core.posted[2]).toEqual({
        kind: 'secret-answer',
        id: 3,
        ok: false,
        code: 'DEVICE_SECRET_UNREADABLE',
      });
      core.say({ kind: 'ready', pid: 1 });
      const stopped = supervisor.stop();
      core.die(0);
      await stopped;
    } finally {
      tmp.remove();
    }
  });
});
