// Background updates for a packaged till, with electron-updater's generic provider.
// A till is a cash register: an update never interrupts a sale. It downloads in the background and installs
// at the right moment only (decideInstall): just after the day's Z-closure, or when a manager asks
// ("Installer maintenant") — never during a sale, never with anything awaiting the Region — or when the till
// restarts (autoInstallOnAppQuit).
// The feed: the one baked at build time (electron-builder's `publish` → resources/app-update.yml, which
// electron-updater reads when no feed is set), unless a setting overrides it (feedUrl).
import { z } from 'zod';
import type { UpdateReadinessView, UpdateStateView } from '../../preload/contract/manage';
import { everyWithTimer } from '../journal/upkeep-timer';

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
  /** A feed URL set on this till (overrides the baked one); null: the baked feed, if any. */
  feedUrl: string | null;
  /** Whether the build baked a feed (resources/app-update.yml exists). */
  bakedFeed?: boolean;
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

export type UpdateDisabledReason = Extract<UpdateStateView, { status: 'disabled' }>['reason'];

/** The feed in force: a valid override, else the baked one, else none. */
export function feedInForce(
  override: string | null,
  bakedFeed: boolean,
): { ok: true; url: string | null } | { ok: false; reason: 'NO_FEED_URL' | 'INVALID_FEED_URL' } {
  const checked = validateFeedUrl(override);
  // NO_FEED_URL: no override (null or blank), so the baked feed, if any.
  if (checked.ok || checked.reason === 'INVALID_FEED_URL') return checked;
  return bakedFeed ? { ok: true, url: null } : { ok: false, reason: 'NO_FEED_URL' };
}

/** The contract's shape: À propos shows it (preload/contract/manage.ts). */
export type UpdateState = UpdateStateView;

/** Why an update is not installed now. */
export type InstallRefusal =
  | 'DISABLED'
  | 'NO_UPDATE_READY'
  | 'SALE_IN_PROGRESS'
  | 'PENDING_OPERATIONS'
  | 'DAY_NOT_CLOSED'
  | 'NOT_MANAGER';

export type InstallOutcome =
  { installing: true; version: string } | { installing: false; reason: InstallRefusal };

/**
 * What the till is doing when an install is considered: the core's `update.readiness` (a scan or a payment
 * under way, the debits, voids and check-ins the Region has not confirmed, the latest Z-closure, the
 * session's role), plus what prompted the look and when.
 */
export type InstallContext = UpdateReadinessView & {
  /** 'day-closed': the day's Z-closure was just made; 'manager': a manager pressed "Installer maintenant". */
  trigger: 'day-closed' | 'manager';
  now: number;
};

/** A Z-closure opens the window for an install for this long (the till is then closed for the day). */
export const AFTER_CLOSURE_WINDOW_MS = 15 * 60_000;

/**
 * Whether to install a downloaded update now. Pure, table-tested: an update restarts the till, so it must
 * never cut a sale short, nor leave the outbox with something the Region has not confirmed (an install
 * that failed to start again would hold the partner's claim), and it happens at a moment the partner
 * chose: the Z-closure that ends the day, or a manager's explicit request.
 */
export function decideInstall(
  update: UpdateState,
  ctx: InstallContext,
): { install: true; version: string } | { install: false; reason: InstallRefusal } {
  if (update.status === 'disabled') return { install: false, reason: 'DISABLED' };
  if (update.status !== 'ready') return { install: false, reason: 'NO_UPDATE_READY' };
  if (ctx.trigger === 'manager' && ctx.role !== 'manager') return { install: false, reason: 'NOT_MANAGER' };
  if (ctx.saleInProgress) return { install: false, reason: 'SALE_IN_PROGRESS' };
  if (ctx.pendingCount > 0) return { install: false, reason: 'PENDING_OPERATIONS' };
  if (ctx.trigger === 'day-closed') {
    const closedAt = ctx.lastDayClosedAt === null ? NaN : Date.parse(ctx.lastDayClosedAt);
    if (!(ctx.now - closedAt >= 0 && ctx.now - closedAt <= AFTER_CLOSURE_WINDOW_MS))
      return { install: false, reason: 'DAY_NOT_CLOSED' };
  }
  return { install: true, version: update.version };
}

export interface AutoUpdate {
  state(): UpdateState;
  /** Checks the feed now (a download follows in the background when there is an update). */
  checkNow(): Promise<UpdateState>;
  /** Installs a downloaded update and relaunches, if decideInstall allows it now. */
  install(ctx: InstallContext): InstallOutcome;
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

export function validateFeedUrl(
  feedUrl: string | null,
): { ok: true; url: string } | { ok: false; reason: 'NO_FEED_URL' | 'INVALID_FEED_URL' } {
  if (feedUrl === null || feedUrl.trim() === '') return { ok: false, reason: 'NO_FEED_URL' };
  const parsed = feedUrlSchema.safeParse(feedUrl);
  return parsed.success ? { ok: true, url: parsed.data } : { ok: false, reason: 'INVALID_FEED_URL' };
}

async function electronUpdater(): Promise<UpdaterPort> {
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater;
}

export function setupAutoUpdate(opts: AutoUpdateOptions): AutoUpdate {
  const feed = feedInForce(opts.feedUrl, opts.bakedFeed ?? false);
  const disabledBy: UpdateDisabledReason | null = !opts.isPackaged
    ? 'NOT_PACKAGED'
    : feed.ok
      ? null
      : feed.reason;
  if (disabledBy) {
    opts.log.info('automatic updates off', { reason: disabledBy });
    const state: UpdateState = { status: 'disabled', reason: disabledBy };
    return {
      state: () => state,
      checkNow: async () => state,
      install: () => ({ installing: false, reason: 'DISABLED' }),
      stop: () => undefined,
    };
  }

  // null: electron-updater reads the baked resources/app-update.yml itself.
  const feedUrl = feed.ok ? feed.url : null;
  let state: UpdateState = { status: 'idle' };
  let stopped = false;
  let inFlight: Promise<UpdateState> | null = null;

  const updater = (opts.loadUpdater ?? electronUpdater)().then((u) => {
    u.autoDownload = true;
    u.autoInstallOnAppQuit = true;
    u.allowDowngrade = false;
    u.allowPrerelease = false;
    if (feedUrl !== null) u.setFeedURL({ provider: 'generic', url: feedUrl });
    u.on('update-available', (info) => {
      state = { status: 'downloading', version: info.version };
      opts.log.info('update found, downloading in the background', { version: info.version });
    });
    u.on('update-downloaded', (info) => {
      state = { status: 'ready', version: info.version };
      opts.log.info('update ready; it installs at the end of the day or on restart', {
        version: info.version,
      });
    });
    u.on('error', (error) => {
      // A ready update stays ready: a later failed check must not forget it.
      if (state.status !== 'ready')
        state = { status: 'failed', code: 'UPDATE_CHECK_FAILED', detail: error.message };
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
        const result = await u.checkForUpdates();
        // The background download's own promise: its failure arrives as the 'error' event (state 'failed');
        // left unhandled it would also surface as an unhandled rejection in the main process.
        const download = (result as { downloadPromise?: Promise<unknown> } | null)?.downloadPromise;
        if (download) download.catch(() => undefined);
        if (state.status === 'checking') state = { status: 'idle' };
      } catch (error) {
        if (state.status !== 'ready') {
          state = {
            status: 'failed',
            code: 'UPDATE_CHECK_FAILED',
            detail: error instanceof Error ? error.message : String(error),
          };
        }
        opts.log.warn('update check failed', {
          detail: error instanceof Error ? error.message : String(error),
        });
      } finally {
        inFlight = null;
      }
      return state;
    })();
    return inFlight;
  };

  void checkNow();
  const stopTimer = everyWithTimer(() => void checkNow(), opts.checkEveryMs ?? FOUR_HOURS);

  return {
    state: () => state,
    checkNow,
    install: (ctx) => {
      const decision = decideInstall(state, {
        ...ctx,
        saleInProgress: ctx.saleInProgress || opts.isSaleInProgress(),
      });
      if (!decision.install) return { installing: false, reason: decision.reason };
      opts.log.info('installing update', { version: decision.version, trigger: ctx.trigger });
      void updater.then((u) => u.quitAndInstall(true, true));
      return { installing: true, version: decision.version };
    },
    stop: () => {
      stopped = true;
      stopTimer();
    },
  };
}

/** The part of the core supervisor the install watch needs (main/core-process/supervisor.ts). */
export interface CoreForUpdates {
  call(
    name: string,
    input: unknown,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string } }>;
  events: { subscribe(listener: (event: string, payload: unknown) => void): () => void };
}

const READINESS_EVERY_MS = 60_000;

function readinessOf(value: unknown): UpdateReadinessView | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['saleInProgress'] !== 'boolean' || typeof v['pendingCount'] !== 'number') return null;
  const role = v['role'] === 'manager' || v['role'] === 'cashier' ? v['role'] : 'none';
  return {
    saleInProgress: v['saleInProgress'],
    pendingCount: v['pendingCount'],
    lastDayClosedAt: typeof v['lastDayClosedAt'] === 'string' ? v['lastDayClosedAt'] : null,
    role,
  };
}

/**
 * Installs a downloaded update at the moments decideInstall allows: a manager's "Installer maintenant" (the
 * core's `update` event), and the minutes after the day's Z-closure (looked at every minute while an update
 * is ready). Returns the stop function.
 */
export function watchInstallMoments(
  updates: Pick<AutoUpdate, 'state' | 'install'>,
  core: CoreForUpdates,
  log: UpdateLog,
  opts: { now?: () => number; everyMs?: number } = {},
): () => void {
  const now = opts.now ?? Date.now;
  const attempt = async (trigger: InstallContext['trigger']): Promise<InstallOutcome | null> => {
    if (updates.state().status !== 'ready') return null;
    const answer = await core.call('update.readiness', {});
    const readiness = answer.ok ? readinessOf(answer.value) : null;
    if (!readiness) return null;
    const outcome = updates.install({ ...readiness, trigger, now: now() });
    if (trigger === 'manager' || outcome.installing)
      log.info('update install considered', { trigger, ...outcome });
    return outcome;
  };
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (
      event === 'update' &&
      typeof payload === 'object' &&
      payload !== null &&
      (payload as { action?: unknown }).action === 'install-now'
    )
      void attempt('manager');
  });
  const stopTimer = everyWithTimer(() => void attempt('day-closed'), opts.everyMs ?? READINESS_EVERY_MS);
  return () => {
    unsubscribe();
    stopTimer();
  };
}
