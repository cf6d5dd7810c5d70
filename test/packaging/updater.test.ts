import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AFTER_CLOSURE_WINDOW_MS,
  decideInstall,
  feedInForce,
  setupAutoUpdate,
  validateFeedUrl,
  watchInstallMoments,
  type AutoUpdateOptions,
  type InstallContext,
  type UpdaterPort,
  type UpdateState,
} from '../../main/shell/updater';

/** Stands in for electron-updater: a real event emitter whose checks the test scripts. */
class ScriptedUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = true;
  feeds: Array<{ provider: 'generic'; url: string }> = [];
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  nextCheck: (u: ScriptedUpdater) => void = () => undefined;

  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks++;
    this.nextCheck(this);
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const logs: string[] = [];
const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(`warn: ${m}`) };

function start(overrides: Partial<AutoUpdateOptions> = {}, updater = new ScriptedUpdater()) {
  let selling = false;
  let loads = 0;
  const auto = setupAutoUpdate({
    feedUrl: 'https://updates.example.org/atouts-caisse',
    isPackaged: true,
    isSaleInProgress: () => selling,
    log,
    loadUpdater: async () => {
      loads++;
      return updater;
    },
    ...overrides,
  });
  return { auto, updater, setSelling: (v: boolean) => (selling = v), loads: () => loads };
}

const NOW = Date.parse('2026-11-30T06:30:00Z');
/** A closed till, nothing pending, a manager logged in, the Z-closure made five minutes ago. */
const calm = (trigger: InstallContext['trigger']): InstallContext => ({
  trigger,
  saleInProgress: false,
  pendingCount: 0,
  lastDayClosedAt: new Date(NOW - 5 * 60_000).toISOString(),
  role: 'manager',
  now: NOW,
});

const offers = (version: string) => (u: ScriptedUpdater) => {
  u.emit('update-available', { version });
};

afterEach(() => {
  vi.useRealTimers();
  logs.length = 0;
});

describe('setupAutoUpdate', () => {
  it('stays off in a development run and without a feed, and never loads electron-updater', async () => {
    for (const [overrides, reason] of [
      [{ isPackaged: false }, 'NOT_PACKAGED'],
      [{ feedUrl: null }, 'NO_FEED_URL'],
      [{ feedUrl: 'http://updates.example.org/' }, 'INVALID_FEED_URL'],
      [{ feedUrl: 'ftp://x' }, 'INVALID_FEED_URL'],
    ] as const) {
      const { auto, loads } = start(overrides);
      expect(auto.state()).toEqual({ status: 'disabled', reason });
      expect(await auto.checkNow()).toEqual({ status: 'disabled', reason });
      expect(auto.install(calm('manager'))).toEqual({ installing: false, reason: 'DISABLED' });
      expect(loads()).toBe(0);
    }
  });

  it('accepts https feeds, and plain http only on loopback', () => {
    expect(validateFeedUrl(' https://maj.example.org/caisse ')).toEqual({
      ok: true,
      url: 'https://maj.example.org/caisse',
    });
    expect(validateFeedUrl('http://127.0.0.1:8080/feed')).toMatchObject({ ok: true });
    expect(validateFeedUrl('http://10.0.0.5/feed')).toEqual({ ok: false, reason: 'INVALID_FEED_URL' });
    expect(validateFeedUrl('   ')).toEqual({ ok: false, reason: 'NO_FEED_URL' });
  });

  it('configures a generic feed that downloads in the background and installs on quit', async () => {
    const { auto, updater } = start();
    await auto.checkNow();
    expect(updater.feeds).toEqual([
      { provider: 'generic', url: 'https://updates.example.org/atouts-caisse' },
    ]);
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
    });
    expect(auto.state()).toEqual({ status: 'idle' });
  });

  it('installs a downloaded update after the Z-closure, never during a sale', async () => {
    const updater = new ScriptedUpdater();
    updater.nextCheck = offers('0.2.0');
    const { auto, setSelling } = start({}, updater);
    await auto.checkNow();
    expect(auto.state()).toEqual({ status: 'downloading', version: '0.2.0' });
    expect(auto.install(calm('day-closed'))).toEqual({ installing: false, reason: 'NO_UPDATE_READY' });

    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(auto.state()).toEqual({ status: 'ready', version: '0.2.0' });

    // The shell's own view of the counter counts too (the core's 'sale' notice).
    setSelling(true);
    expect(auto.install(calm('day-closed'))).toEqual({ installing: false, reason: 'SALE_IN_PROGRESS' });
    await Promise.resolve();
    expect(updater.installs).toEqual([]);

    setSelling(false);
    expect(auto.install(calm('day-closed'))).toEqual({ installing: true, version: '0.2.0' });
    await vi.waitFor(() => expect(updater.installs).toEqual([[true, true]]));
  });

  it('uses the feed baked at build time unless this till sets one', async () => {
    expect(feedInForce(null, true)).toEqual({ ok: true, url: null });
    expect(feedInForce(null, false)).toEqual({ ok: false, reason: 'NO_FEED_URL' });
    expect(feedInForce('https://maj.example.org/caisse', true)).toEqual({
      ok: true,
      url: 'https://maj.example.org/caisse',
    });
    expect(feedInForce('http://10.0.0.5/feed', true)).toEqual({ ok: false, reason: 'INVALID_FEED_URL' });
    const baked = start({ feedUrl: null, bakedFeed: true });
    await baked.auto.checkNow();
    // No setFeedURL: electron-updater reads resources/app-update.yml itself.
    expect(baked.updater.feeds).toEqual([]);
    expect(baked.updater.checks).toBeGreaterThan(0);
  });

  it('reports a failed check as a state with a code, and keeps a ready update through later failures', async () => {
    const updater = new ScriptedUpdater();
    updater.nextCheck = () => {
      throw new Error('getaddrinfo ENOTFOUND updates.example.org');
    };
    const { auto } = start({}, updater);
    expect(await auto.checkNow()).toEqual({
      status: 'failed',
      code: 'UPDATE_CHECK_FAILED',
      detail: 'getaddrinfo ENOTFOUND updates.example.org',
    });

    updater.emit('update-downloaded', { version: '0.3.0' });
    updater.emit('error', new Error('502 Bad Gateway'));
    expect(await auto.checkNow()).toEqual({ status: 'ready', version: '0.3.0' });
    expect(logs.filter((l) => l.startsWith('warn:')).length).toBeGreaterThanOrEqual(2);
  });

  it('checks at start, then on its interval, one check at a time, until stopped', async () => {
    vi.useFakeTimers();
    const { auto, updater } = start({ checkEveryMs: 60_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000 * 3);
    expect(updater.checks).toBe(4);
    await Promise.all([auto.checkNow(), auto.checkNow()]);
    expect(updater.checks).toBe(5);
    auto.stop();
    await vi.advanceTimersByTimeAsync(60_000 * 3);
    expect(updater.checks).toBe(5);
  });
});

describe('decideInstall', () => {
  const ready: UpdateState = { status: 'ready', version: '0.2.0' };
  const closedAgo = (ms: number) => new Date(NOW - ms).toISOString();
  it.each<[string, UpdateState, Partial<InstallContext>, ReturnType<typeof decideInstall>]>([
    ['Z-closure 5 min ago, all quiet', ready, {}, { install: true, version: '0.2.0' }],
    [
      'the Z-closure just made',
      ready,
      { lastDayClosedAt: closedAgo(0) },
      { install: true, version: '0.2.0' },
    ],
    [
      'the Z-closure 15 min ago (the window’s end)',
      ready,
      { lastDayClosedAt: closedAgo(AFTER_CLOSURE_WINDOW_MS) },
      { install: true, version: '0.2.0' },
    ],
    [
      'the Z-closure 16 min ago: the day goes on',
      ready,
      { lastDayClosedAt: closedAgo(16 * 60_000) },
      { install: false, reason: 'DAY_NOT_CLOSED' },
    ],
    ['never closed', ready, { lastDayClosedAt: null }, { install: false, reason: 'DAY_NOT_CLOSED' }],
    [
      'a closure dated in the future (clock moved back)',
      ready,
      { lastDayClosedAt: closedAgo(-60_000) },
      { install: false, reason: 'DAY_NOT_CLOSED' },
    ],
    ['a sale under way', ready, { saleInProgress: true }, { install: false, reason: 'SALE_IN_PROGRESS' }],
    [
      'one debit awaiting the Region',
      ready,
      { pendingCount: 1 },
      { install: false, reason: 'PENDING_OPERATIONS' },
    ],
    [
      'nothing downloaded yet',
      { status: 'downloading', version: '0.2.0' },
      {},
      { install: false, reason: 'NO_UPDATE_READY' },
    ],
    [
      'updates off',
      { status: 'disabled', reason: 'NOT_PACKAGED' },
      {},
      { install: false, reason: 'DISABLED' },
    ],
    [
      'a manager asks, long after the closure',
      ready,
      { trigger: 'manager', lastDayClosedAt: closedAgo(5 * 3600_000) },
      { install: true, version: '0.2.0' },
    ],
    [
      'a manager asks, never closed',
      ready,
      { trigger: 'manager', lastDayClosedAt: null },
      { install: true, version: '0.2.0' },
    ],
    [
      'a manager asks during a sale',
      ready,
      { trigger: 'manager', saleInProgress: true },
      { install: false, reason: 'SALE_IN_PROGRESS' },
    ],
    [
      'a manager asks with a void pending',
      ready,
      { trigger: 'manager', pendingCount: 2 },
      { install: false, reason: 'PENDING_OPERATIONS' },
    ],
    [
      'a cashier’s session asks',
      ready,
      { trigger: 'manager', role: 'cashier' },
      { install: false, reason: 'NOT_MANAGER' },
    ],
    [
      'nobody logged in asks',
      ready,
      { trigger: 'manager', role: 'none' },
      { install: false, reason: 'NOT_MANAGER' },
    ],
  ])('%s', (_what, state, ctx, expected) => {
    expect(decideInstall(state, { ...calm('day-closed'), ...ctx })).toEqual(expected);
  });
});

describe('watchInstallMoments', () => {
  it("installs on a manager's request and in the minutes after the Z-closure, asking the core each time", async () => {
    vi.useFakeTimers();
    const updater = new ScriptedUpdater();
    const { auto } = start({}, updater);
    await vi.advanceTimersByTimeAsync(0);
    let readiness = {
      saleInProgress: true,
      pendingCount: 0,
      lastDayClosedAt: null as string | null,
      role: 'manager',
    };
    const listeners: ((event: string, payload: unknown) => void)[] = [];
    const asked: string[] = [];
    const core = {
      call: async (name: string) => {
        asked.push(name);
        return { ok: true as const, value: readiness };
      },
      events: {
        subscribe: (l: (event: string, payload: unknown) => void) => {
          listeners.push(l);
          return () => listeners.splice(listeners.indexOf(l), 1);
        },
      },
    };
    const stop = watchInstallMoments(auto, core, log, { now: () => NOW, everyMs: 60_000 });
    // Nothing ready: the core is not even asked.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toEqual([]);
    updater.emit('update-downloaded', { version: '0.4.0' });
    // A manager asks during a sale: refused.
    for (const l of listeners) l('update', { action: 'install-now', by: 'S-1' });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual(['update.readiness']);
    expect(updater.installs).toEqual([]);
    // The sale ends; no closure yet: the minute's look installs nothing.
    readiness = { ...readiness, saleInProgress: false };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.installs).toEqual([]);
    // The Z-closure is made: the next look installs.
    readiness = { ...readiness, lastDayClosedAt: new Date(NOW - 30_000).toISOString() };
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(updater.installs).toEqual([[true, true]]));
    stop();
    expect(listeners).toEqual([]);
  });
});
