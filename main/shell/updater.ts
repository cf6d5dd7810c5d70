// Background updates for a packaged till, with electron-updater's generic provider.
// A till is a cash register: an update never interrupts a sale. It downloads in the background and installs
// when the day is closed (installAtEndOfDay, called after the Z-report) or when the till restarts
// (autoInstallOnAppQuit), whichever comes first.
import { z } from 'zod';

/** The part of electron-updater's AppUpdater this module drives, so it is tested without Electron. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateLog {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export interface AutoUpdateOptions {
  /** Base URL of the generic feed (where latest.yml and the installers are); null turns updates off. */
  feedUrl: string | null;
  /** Electron's `app.isPackaged`: a development run never updates itself. */
  isPackaged: boolean;
  /** True from the first scan of a sale to its receipt: nothing may restart the till meanwhile. */
  isSaleInProgress: () => boolean;
  log: UpdateLog;
  /** Defaults to electron-updater's `autoUpdater`, loaded only when updates are on. */
  loadUpdater?: () => Promise<UpdaterPort>;
  /** Defaults to every 4 hours; the first check runs at once. */
  checkEveryMs?: number;
}

export type UpdateDisabledReason = 'NOT_PACKAGED' | 'NO_FEED_URL' | 'INVALID_FEED_URL';

export type UpdateState =
  | { status: 'disabled'; reason: UpdateDisabledReason }
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'downloading'; version: string }
  | { status: 'ready'; version: string }
  | { status: 'failed'; code: 'UPDATE_CHECK_FAILED'; detail: string };

export type InstallOutcome =
  | { installing: true; version: string }
  | { installing: false; reason: 'DISABLED' | 'NO_UPDATE_READY' | 'SALE_IN_PROGRESS' };

export interface AutoUpdate {
  state(): UpdateState;
  /** Checks the feed now (a download follows in the background when there is an update). */
  checkNow(): Promise<UpdateState>;
  /** After the day's closure: installs a downloaded update and relaunches, unless a sale is open. */
  installAtEndOfDay(): InstallOutcome;
  stop(): void;
}

const FOUR_HOURS = 4 * 60 * 60 * 1000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

// https only: the feed says which installer to run. Plain http is tolerated on loopback, for a local mirror.
const feedUrlSchema = z
  .string()
  .trim()
  .pipe(z.url())
  .refine((raw) => {
    const url = new URL(raw);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  });

export function validateFeedUrl(feedUrl: string | null): { ok: true; url: string } | { ok: false; reason: 'NO_FEED_URL' | 'INVALID_FEED_URL' } {
  if (feedUrl === null || feedUrl.trim() === '') return { ok: false, reason: 'NO_FEED_URL' };
  const parsed = feedUrlSchema.safeParse(feedUrl);
  return parsed.success ? { ok: true, url: parsed.data } : { ok: false, reason: 'INVALID_FEED_URL' };
}

async function electronUpdater(): Promise<UpdaterPort> {
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater;
}

export function setupAutoUpdate(opts: AutoUpdateOptions): AutoUpdate {
  const disabledBy: UpdateDisabledReason | null = !opts.isPackaged
    ? 'NOT_PACKAGED'
    : (() => {
        const feed = validateFeedUrl(opts.feedUrl);
        return feed.ok ? null : feed.reason;
      })();
  if (disabledBy) {
    opts.log.info('automatic updates off', { reason: disabledBy });
    const state: UpdateState = { status: 'disabled', reason: disabledBy };
    return {
      state: () => state,
      checkNow: async () => state,
      installAtEndOfDay: () => ({ installing: false, reason: 'DISABLED' }),
      stop: () => undefined,
    };
  }

  const feedUrl = (validateFeedUrl(opts.feedUrl) as { ok: true; url: string }).url;
  let state: UpdateState = { status: 'idle' };
  let stopped = false;
  let inFlight: Promise<UpdateState> | null = null;

  const updater = (opts.loadUpdater ?? electronUpdater)().then((u) => {
    u.autoDownload = true;
    u.autoInstallOnAppQuit = true;
    u.allowDowngrade = false;
    u.allowPrerelease = false;
    u.setFeedURL({ provider: 'generic', url: feedUrl });
    u.on('update-available', (info) => {
      state = { status: 'downloading', version: info.version };
      opts.log.info('update found, downloading in the background', { version: info.version });
    });
    u.on('update-downloaded', (info) => {
      state = { status: 'ready', version: info.version };
      opts.log.info('update ready; it installs at the end of the day or on restart', { version: info.version });
    });
    u.on('error', (error) => {
      // A ready update stays ready: a later failed check must not forget it.
      if (state.status !== 'ready') state = { status: 'failed', code: 'UPDATE_CHECK_FAILED', detail: error.message };
      opts.log.warn('update check failed', { detail: error.message });
    });
    return u;
  });

  const checkNow = (): Promise<UpdateState> => {
    if (stopped) return Promise.resolve(state);
    inFlight ??= (async () => {
      try {
        const u = await updater;
        if (state.status === 'idle' || state.status === 'failed') state = { status: 'checking' };
        await u.checkForUpdates();
        if (state.status === 'checking') state = { status: 'idle' };
      } catch (error) {
        if (state.status !== 'ready') {
          state = { status: 'failed', code: 'UPDATE_CHECK_FAILED', detail: error instanceof Error ? error.message : String(error) };
        }
        opts.log.warn('update check failed', { detail: error instanceof Error ? error.message : String(error) });
      } finally {
        inFlight = null;
      }
      return state;
    })();
    return inFlight;
  };

  void checkNow();
  const timer = setInterval(() => void checkNow(), opts.checkEveryMs ?? FOUR_HOURS);
  timer.unref?.();

  return {
    state: () => state,
    checkNow,
    installAtEndOfDay: () => {
      if (state.status !== 'ready') return { installing: false, reason: 'NO_UPDATE_READY' };
      if (opts.isSaleInProgress()) return { installing: false, reason: 'SALE_IN_PROGRESS' };
      const version = state.version;
      opts.log.info('installing update after the day closure', { version });
      void updater.then((u) => u.quitAndInstall(true, true));
      return { installing: true, version };
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
