// The till core: builds the shared context (journal, Region link, staff session, scans) and composes the
// handler groups into the one table both transports dispatch through. It runs in the core's own process
// (main/core-process: Electron's utility process, or a Node fork in browser mode), and in process for tests and
// the CLI — never in Electron's main process: nothing here imports electron.
import { securePrivateDataDir } from '../files/private-files';
import { join } from 'node:path';
import type { TillStatus } from '../../preload/contract';
import { openJournal, type Journal } from '../journal/journal';
import { JOURNAL_FILE_NAME } from '../journal/wipe';
import { RegionLink } from '../region/region-link';
import type { RegionFetch, RegionOutcome } from '../region/client';
import type { SecretCipher } from '../secrets/secret-store';
import { StaffDirectory } from '../staff/staff-directory';
import { StaffSession } from '../staff/staff-session';
import { startRetentionSweep } from '../journal/retention';
import { ScanRegistry } from '../pass/scan-registry';
import { TillError } from '../../preload/contract';
import { createDispatch, type Dispatch, type Handlers } from '../transport/dispatch';
import { EventBus } from './event-bus';
import type { TillContext } from './context';
import { refreshKeys, tillHandlers } from './handlers/till-handlers';
import { staffHandlers } from './handlers/staff-handlers';
import { passHandlers } from './handlers/pass-handlers';
import { debitHandlers } from './handlers/debit-handlers';
import { DebitEngine } from '../debit/engine';
import { couponHandlers } from './handlers/coupon-handlers';
import { offerHandlers } from './handlers/offer-handlers';
import { journalHandlers } from './handlers/journal-handlers';
import { openRequestStore, REQUEST_STORE_FILE } from '../outbox/request-store';
import { sweepSettledRequests } from '../outbox/sweep';
import { createTillOutbox, type OutboxTuning } from './till-outbox';
import { countAwaitingRegion, type Outbox } from '../outbox/outbox';
import { reconciliationHandlers } from './handlers/reconciliation-handlers';
import { contestHandlers } from './handlers/contest-handlers';
import { outingHandlers } from './handlers/outing-handlers';
import { avoirHandlers } from './handlers/avoir-handlers';
import { watchReachability } from '../region/reachability';
import { AnchorService } from '../anchors/anchor-service';
import { archiveJwk, devicePublicKey } from '../archive/device-key';

import { settingsHandlers } from './handlers/settings-handlers';
import { tariffHandlers } from './handlers/tariff-handlers';
import { manageHandlers } from './handlers/manage-handlers';
import { printerHandlers } from './handlers/printer-handlers';
import { updateHandlers } from './handlers/update-handlers';
import { aboutHandlers } from './handlers/about-handlers';
import { withCallLog } from '../logging/call-log';
import type { HidBackend } from '../../native/hid';

/** The banner clears within this of the Region's return (the issue asks for 10 s at most). */
const REACHABILITY_PROBE_MS = 3000;

export interface TillOptions {
  dataDir: string;
  cipher: SecretCipher;
  now?: () => number;
  regionTimeoutMs?: number;
  /** Electron's net.fetch, passed by the Electron-side entry; Node's http adapter when absent. */
  regionFetch?: RegionFetch;
  events?: EventBus;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Where `log` writes its files (main/logging/): the diagnostic bundle carries them. */
  logsDir?: string | null;
  /** Pauses between immediate retries of an unknown debit outcome (tests shorten them). */
  immediateRetryDelaysMs?: readonly number[];
  /** USB scanners read by the core (node-hid); null where none should be opened (tests, CLI). */
  hidBackend?: HidBackend | null;
  /** How long a scan waits for the Region before the offline policy applies (see pass-handlers). */
  scanWaitMs?: number;
  /** How often an offline till asks the Region whether it is back. */
  reachabilityProbeMs?: number;
  /** The outbox's pacing (tests shorten the backoff). */
  outbox?: OutboxTuning;
  /**
   * Elapsed time (ms) for the staff session's idle timeout: monotonic, so a jump of the wall clock neither
   * ends a session nor keeps one alive (tests inject it).
   */
  sessionClock?: () => number;
}

export interface Till {
  readonly journal: Journal;
  readonly events: EventBus;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  readonly context: TillContext;
  /** Sends what the Region has not confirmed; started with the till, stopped by close(). */
  readonly outbox: Outbox;
  status(): TillStatus;
  close(): void;
}

export function createTill(options: TillOptions): Till {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  // Owner-only before SQLite creates anything: its -wal and -shm files take the database file's mode.
  securePrivateDataDir(options.dataDir, [JOURNAL_FILE_NAME, REQUEST_STORE_FILE]);
  const journal = openJournal(join(options.dataDir, JOURNAL_FILE_NAME), { now: () => new Date(now()) });
  const events = options.events ?? new EventBus();
  const link = new RegionLink(journal, options.cipher, options.regionTimeoutMs ?? 8000, {
    fetch: options.regionFetch,
    onSecretUnreadable: (detail) =>
      log('device token unreadable: enrol again', { code: 'DEVICE_SECRET_UNREADABLE', detail }),
  });
  const store = closingJournalOnFailure(journal, () =>
    openRequestStore(join(options.dataDir, REQUEST_STORE_FILE)),
  );
  // Ends itself after SESSION_IDLE_MS without a call (staff-session.ts); the expiry is journalled.
  const sessions = new StaffSession(options.sessionClock ?? (() => performance.now()), (who) => {
    journal.append({ kind: 'LOGOUT', cashierId: who.id, payload: { staffId: who.id, reason: 'idle' } });
    ctx.publishStatus();
  });

  const anchors = new AnchorService({
    journal,
    region: () => (link.secretState() === 'unreadable' ? null : link.authenticated()),
    now,
    archiveKey: () => archiveJwk(devicePublicKey(journal, options.cipher)),
    observe: (outcome) => ctx.observe(outcome),
    log,
  });
  const flushAnchors = () =>
    void anchors.flush().catch((error: unknown) => log('anchors not sent', { error: String(error) }));

  const ctx: TillContext = {
    journal,
    link,
    secrets: options.cipher,
    anchors,
    staff: new StaffDirectory(journal.settings, { journal, now }),
    scans: new ScanRegistry(now),
    events,
    dataDir: options.dataDir,
    now,
    log,
    session: () => sessions.current(),
    setSession: (staff) => {
      sessions.set(staff);
    },
    cashierId: () => sessions.current()?.id ?? 'system',
    region: () => {
      return link.requireAuthenticated();
    },
    observe<T>(outcome: RegionOutcome<T>): RegionOutcome<T> {
      const online = outcome.kind === 'ok' || outcome.kind === 'refused';
      if (online !== link.online) {
        link.online = online;
        ctx.publishStatus();
      }
      return outcome;
    },
    status() {
      const config = link.config();
      return {
        enrolled: config !== null,
        regionUrl: config?.url ?? null,
        deviceId: config?.deviceId ?? null,
        deviceName: config?.deviceName ?? null,
        partner: config?.partner ?? null,
        online: link.online,
        pendingCount: countAwaitingRegion(journal, store),
        staff: sessions.current(),
        offlinePolicy: link.keys()?.offline ?? null,
        clockSkewMs: link.clockSkewMs,
        deviceSecret: link.secretState(),
        secretProtection: link.secretProtection,
      };
    },
    publishStatus: () => events.emit('status', ctx.status()),
    tuning: {
      ...(options.immediateRetryDelaysMs ? { immediateRetryDelaysMs: options.immediateRetryDelaysMs } : {}),
      ...(options.scanWaitMs !== undefined ? { scanWaitMs: options.scanWaitMs } : {}),
    },
  };

  // The head is anchored after each batch the outbox delivers (flushes coalesce: one in flight at a time).
  const outbox = createTillOutbox(ctx, store, {
    refreshKeys: () => refreshKeys(ctx),
    afterRecorded: flushAnchors,
    ...options.outbox,
  });
  // One debit engine for the till's life: the debit handlers (and the outing desk through them) call it.
  const debits = new DebitEngine({
    journal,
    scans: ctx.scans,
    store,
    outbox,
    region: () => ctx.region(),
    accreditations: () => ctx.link.config()?.partner.accreditations ?? [],
    offline: () => {
      const keys = ctx.link.keys();
      return { policy: keys?.offline ?? null, keysFetchedAt: keys?.fetchedAt ?? null };
    },
    now: () => ctx.now(),
    ...(ctx.tuning.immediateRetryDelaysMs
      ? { immediateRetryDelaysMs: ctx.tuning.immediateRetryDelaysMs }
      : {}),
    onOutcome: (outcome) => {
      ctx.events.emit('debit', outcome);
      ctx.publishStatus();
    },
  });
  const scanners = settingsHandlers(ctx, options.hidBackend ?? null);
  // The manager's tasks (exports, backups, diagnostic, purge, wipe); the wipe deletes the outbox's file.
  const manage = manageHandlers(ctx, {
    handlers: () => handlers,
    ...(options.logsDir !== undefined ? { logsDir: options.logsDir } : {}),
    beforeWipe: () => (outbox.stop(), store.close()),
  });
  const handlers: Handlers = {
    ...scanners.handlers,
    ...tillHandlers(ctx),
    ...staffHandlers(ctx),
    ...passHandlers(ctx),
    ...debitHandlers(ctx, debits),
    ...couponHandlers(ctx, { outbox }),
    ...offerHandlers(ctx, { outbox, store }),
    ...journalHandlers(ctx),
    ...reconciliationHandlers(ctx),
    ...contestHandlers(ctx),
    ...outingHandlers(ctx, async (request) => handlers['debit.submit'](request)),
    ...avoirHandlers(ctx),
    ...tariffHandlers(journal.settings),
    ...manage.handlers,
    ...printerHandlers(ctx, { receipt: (debitId) => handlers['receipt.get']({ debitId }) }),
    ...updateHandlers(ctx),
    ...aboutHandlers(ctx, { sendNow: () => outbox.kick() }),
  };

  // Every call leaves one line in the log (its input scrubbed of PINs, tokens and names: main/logging/).
  const dispatch = withCallLog(
    createDispatch(handlers, {
      currentRole: () => sessions.touch()?.role ?? 'none',
      onInternalError: (name, error) =>
        log('internal error', {
          call: name,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    }),
    log,
  );

  closingJournalOnFailure(journal, () => {
    try {
      journal.append({ kind: 'STARTUP', cashierId: null, payload: { pid: process.pid } });
    } catch (error) {
      scanners.stop();
      store.close();
      throw error;
    }
  });
  try {
    const swept = sweepSettledRequests(journal, store);
    if (swept.tokens + swept.voids > 0) log('request store swept', { ...swept });
  } catch (error) {
    // A full disk may refuse even a deletion: the rows wait for the next start, nothing else depends on them.
    log('request store sweep failed', { error: String(error) });
  }
  if (link.config()) void refreshKeys(ctx).then(flushAnchors, () => undefined);
  outbox.start();
  // Names of youths scanned but never debited go after 24 h (main/journal/retention.ts).
  const stopRetention = startRetentionSweep(journal, { now, log });
  const stopWatching = watchReachability({
    isOffline: () => link.config() !== null && !link.online,
    probe: async () => {
      const url = link.config()?.url;
      return url !== undefined && ctx.observe(await link.anonymous(url).health()).kind === 'ok';
    },
    onBack: () => outbox.kick(),
    intervalMs: options.reachabilityProbeMs ?? REACHABILITY_PROBE_MS,
  });

  return {
    journal,
    events,
    handlers,
    dispatch,
    context: ctx,
    outbox,
    status: () => ctx.status(),
    close() {
      stopWatching();
      outbox.stop();
      stopRetention();
      manage.stop();
      store.close();
      scanners.stop();
      try {
        journal.append({ kind: 'SHUTDOWN', cashierId: null, payload: {} });
      } catch (error) {
        // A full or read-only disk must not keep the journal open: the shutdown mark is only informative.
        if (
          !(error instanceof TillError) ||
          (error.code !== 'DISK_FULL' && error.code !== 'STORAGE_READ_ONLY')
        )
          throw error;
        log('shutdown not journalled', { code: error.code });
      } finally {
        journal.close();
      }
    },
  };
}

/**
 * A till that cannot start (read-only or full media) must leave nothing open: SQLite shares its
 * file locks and WAL index between the connections of one process, so a leaked one would spoil the
 * next open of the same folder once the media is writable again.
 */
function closingJournalOnFailure<T>(journal: Journal, start: () => T): T {
  try {
    return start();
  } catch (error) {
    journal.close();
    throw error;
  }
}
