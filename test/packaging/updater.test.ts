import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupAutoUpdate, validateFeedUrl, type AutoUpdateOptions, type UpdaterPort } from '../../main/shell/updater';

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
      expect(auto.installAtEndOfDay()).toEqual({ installing: false, reason: 'DISABLED' });
      expect(loads()).toBe(0);
    }
  });

  it('accepts https feeds, and plain http only on loopback', () => {
    expect(validateFeedUrl(' https://maj.example.org/caisse ')).toEqual({ ok: true, url: 'https://maj.example.org/caisse' });
    expect(validateFeedUrl('http://127.0.0.1:8080/feed')).toMatchObject({ ok: true });
    expect(validateFeedUrl('http://10.0.0.5/feed')).toEqual({ ok: false, reason: 'INVALID_FEED_URL' });
    expect(validateFeedUrl('   ')).toEqual({ ok: false, reason: 'NO_FEED_URL' });
  });

  it('configures a generic feed that downloads in the background and installs on quit', async () => {
    const { auto, updater } = start();
    await auto.checkNow();
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.org/atouts-caisse' }]);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: false });
    expect(auto.state()).toEqual({ status: 'idle' });
  });

  it('installs a downloaded update at the end of the day, never during a sale', async () => {
    const updater = new ScriptedUpdater();
    updater.nextCheck = offers('0.2.0');
    const { auto, setSelling } = start({}, updater);
    await auto.checkNow();
    expect(auto.state()).toEqual({ status: 'downloading', version: '0.2.0' });
    expect(auto.installAtEndOfDay()).toEqual({ installing: false, reason: 'NO_UPDATE_READY' });

    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(auto.state()).toEqual({ status: 'ready', version: '0.2.0' });

    setSelling(true);
    expect(auto.installAtEndOfDay()).toEqual({ installing: false, reason: 'SALE_IN_PROGRESS' });
    await Promise.resolve();
    expect(updater.installs).toEqual([]);

    setSelling(false);
    expect(auto.installAtEndOfDay()).toEqual({ installing: true, version: '0.2.0' });
    await vi.waitFor(() => expect(updater.installs).toEqual([[true, true]]));
  });

  it('reports a failed check as a state with a code, and keeps a ready update through later failures', async () => {
    const updater = new ScriptedUpdater();
    updater.nextCheck = () => {
      throw new Error('getaddrinfo ENOTFOUND updates.example.org');
    };
    const { auto } = start({}, updater);
    expect(await auto.checkNow()).toEqual({ status: 'failed', code: 'UPDATE_CHECK_FAILED', detail: 'getaddrinfo ENOTFOUND updates.example.org' });

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
