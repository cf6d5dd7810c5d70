// manage.*: the manager's tasks from the installed till (issue 16). Each is one call; the long ones push
// `progress` events. The same functions serve `npm run till -- …` (main/cli/), so the UI and the CLI give
// the same files. The daily backup and the automatic purge start with the till and stop with it.
import { join } from 'node:path';
import {
  TillError,
  type ArchiveVerdictView,
  type ManageTask,
  type ScanStatsView,
  type ScannerDeviceView,
  type SettingsView,
  type WipeView,
} from '../../../preload/contract';
import { verifyArchive } from '../../archive/verify-archive';
import {
  backupStatus,
  BACKUP_CHECK_EVERY_MS,
  configureBackups,
  noteGoodBackup,
  runBackup,
  startDailyBackups,
} from '../../backup/journal-backups';
import { stageRestore } from '../../backup/restore-journal';
import { reconcileRestoreWithRegion } from './restore-region-check';
import { isAbsolute } from 'node:path';
import { diagnosticZip } from '../../diagnostic/diagnostic-bundle';
import { diagnosticFacts } from '../../diagnostic/diagnostic-facts';
import {
  exportArchive,
  exportClosurePdf,
  exportDebitsCsv,
  exportedFile,
  exportPeriodBounds,
} from '../../export/period-exports';
import { wipePersonalData } from '../../journal/wipe';
import {
  privacyView,
  purgePersonalData,
  setRetention,
  startAutomaticPurge,
} from '../../privacy/retention-policy';
import type { Handlers } from '../../transport/dispatch';
import type { AnchorService } from '../../anchors/anchor-service';
import type { RegionLink } from '../../region/region-link';
import type { StaffDirectory } from '../../staff/staff-directory';
import type { TillContext } from '../context';

type ManageCalls = Extract<keyof Handlers, `manage.${string}`>;

/** After a restore, the Region is asked whether it saw more (restore-region-check.ts): hence link and anchors. */
export type ManageHandlerDeps = Pick<
  TillContext,
  'journal' | 'dataDir' | 'secrets' | 'now' | 'log' | 'cashierId' | 'status' | 'events'
> & {
  readonly link: Pick<RegionLink, 'authenticated'>;
  readonly anchors: Pick<AnchorService, 'declareRestore'>;
  readonly staff: Pick<StaffDirectory, 'authenticate' | 'views' | 'lockouts'>;
};

export interface ManageDeps {
  /** The other handlers, for the facts the diagnostic gathers (settings, scanners). */
  handlers: () => Pick<Handlers, 'settings.get' | 'scanner.devices' | 'scanner.stats'>;
  /** Where the redacted logs are (main/logging/), if any. */
  logsDir?: string | null;
  /**
   * Closes what holds files the wipe deletes (the outbox's request store): the till answers nothing
   * useful afterwards and must be restarted (the core process exits and its supervisor starts a new one).
   */
  beforeWipe?: () => void;
}

export interface ManageWiring {
  handlers: Pick<Handlers, ManageCalls>;
  stop(): void;
}

export function manageHandlers(ctx: ManageHandlerDeps, deps: ManageDeps): ManageWiring {
  const { journal } = ctx;
  const progress = (task: ManageTask) => (done: number, total: number) =>
    ctx.events.emit('progress', { task, done, total });
  const labels = () => {
    const status = ctx.status();
    return { partnerName: status.partner?.name ?? null, deviceName: status.deviceName ?? null };
  };
  const now = () => new Date(ctx.now());
  const stopBackups = startDailyBackups(journal, { now: ctx.now, log: ctx.log });
  const stopPurge = startAutomaticPurge(journal, { now: ctx.now, log: ctx.log });
  // After a restore: once the Region answers, the chain records whether it had seen more (restore-journal.ts).
  let restoreChecked = false;
  const checkRestore = () => {
    if (restoreChecked) return;
    let client: ReturnType<typeof ctx.link.authenticated>;
    try {
      client = ctx.link.authenticated();
    } catch (error) {
      // A Region the till will not talk to (a plain-http address, a token that cannot be opened): the calls
      // that need it say so with their code; the start of the till must not.
      ctx.log('restore check waits for a usable Region link', {
        code: error instanceof TillError ? error.code : String(error),
      });
      return;
    }
    void reconcileRestoreWithRegion(journal, client, ctx.anchors)
      .then((r) => {
        if (r.done || r.reason === 'NOTHING_PENDING') restoreChecked = true;
        if (r.done)
          ctx.log('restore checked against the Region', {
            behind: r.behind,
            regionSeq: r.regionSeq,
            headSeq: r.headSeq,
          });
      })
      .catch((error: unknown) => ctx.log('restore check failed', { error: String(error) }));
  };
  checkRestore();
  const restoreTimer = setInterval(checkRestore, BACKUP_CHECK_EVERY_MS);
  restoreTimer.unref();

  const handlers: Pick<Handlers, ManageCalls> = {
    'manage.exportCsv': async (input) => {
      const csv = await exportDebitsCsv(journal, exportPeriodBounds(input.period), progress('export.csv'));
      return { ...exportedFile(csv.name, 'text/csv;charset=utf-8', csv.text), count: csv.count };
    },
    'manage.closurePdf': async (input) => {
      const pdf = await exportClosurePdf(journal, input.period, labels());
      return exportedFile(pdf.name, 'application/pdf', pdf.bytes);
    },
    'manage.archiveCreate': (input) => {
      const made = exportArchive(journal, input.period, now, ctx.secrets);
      const a = made.archive;
      return {
        ...exportedFile(made.name, 'application/json', made.text),
        period: a.period.label,
        firstSeq: a.chain.firstSeq,
        lastSeq: a.chain.lastSeq,
        closures: a.closures.length,
        keyId: a.key.keyId,
      };
    },
    'manage.archiveVerify': (input): ArchiveVerdictView => {
      // Against this till's journal when the archive is this device's: an archive of another till is still
      // checked on its own (signature, chain, closures).
      const own = journal.deviceId() !== null && input.text.includes(`"deviceId":"${journal.deviceId()}"`);
      const v = verifyArchive(input.text, own ? journal : undefined);
      if (!v.ok) return { ok: false, problem: v.problem, detail: v.detail, seq: v.seq ?? null };
      return {
        ok: true,
        deviceId: v.deviceId,
        period: v.period,
        entries: v.entries,
        closures: v.closures,
        firstSeq: v.firstSeq,
        lastSeq: v.lastSeq,
        lastHash: v.lastHash,
        keyId: v.keyId,
        matchesJournal: v.checkedAgainstJournal,
      };
    },
    'manage.backupStatus': () => backupStatus(journal),
    'manage.backupConfigure': (input) => {
      configureBackups(
        journal,
        {
          ...(input.folder !== undefined ? { folder: input.folder } : {}),
          ...(input.keep !== undefined ? { keep: input.keep } : {}),
          ...(input.daily !== undefined ? { daily: input.daily } : {}),
        },
        ctx.dataDir,
      );
      return backupStatus(journal);
    },
    'manage.backupNow': async () => {
      const run = await runBackup(journal, { trigger: 'manual', now, onProgress: progress('backup') });
      if (!run.ok) {
        const code =
          run.code === 'BACKUP_NOT_CONFIGURED'
            ? 'BACKUP_NOT_CONFIGURED'
            : run.code?.startsWith('BACKUP_FOLDER_INVALID')
              ? 'BACKUP_FOLDER_INVALID'
              : 'BACKUP_FAILED';
        throw new TillError(code, run.code ?? undefined);
      }
      noteGoodBackup(journal, run);
      return run;
    },
    'manage.diagnostic': async () => {
      const others = deps.handlers();
      const report = progress('diagnostic');
      report(0, 3);
      const [settings, scanners, scanStats] = (await Promise.all([
        others['settings.get']({}),
        others['scanner.devices']({}),
        others['scanner.stats']({}),
      ])) as [SettingsView, ScannerDeviceView[], ScanStatsView];
      report(1, 3);
      const facts = diagnosticFacts({
        journal,
        status: ctx.status(),
        settings,
        scanners,
        scanStats,
        staff: ctx.staff.views(),
        lockedStaff: ctx.staff.lockouts().filter((l) => l.locked).length,
        backup: backupStatus(journal),
        privacy: privacyView(journal),
        now: now(),
      });
      report(2, 3);
      const zip = diagnosticZip(facts, deps.logsDir === undefined ? join(ctx.dataDir, 'logs') : deps.logsDir);
      report(3, 3);
      const stamp = facts.createdAt.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
      return exportedFile(
        `atouts-diagnostic-${ctx.status().deviceId ?? 'caisse'}-${stamp}.zip`,
        'application/zip',
        zip,
      );
    },
    'manage.restore': async (input) => {
      if (!isAbsolute(input.path))
        throw new TillError('INPUT_INVALID', 'the backup is named by its full path', { field: 'path' });
      const staged = await stageRestore(input.path, ctx.dataDir);
      ctx.log('restore staged for the next start', { headSeq: staged.headSeq, entries: staged.entries });
      return { ...staged, restartRequired: true as const };
    },
    'manage.privacy': () => privacyView(journal),
    'manage.privacyConfigure': (input) => setRetention(journal, input.retentionMonths),
    'manage.purge': (input) => ({ persons: purgePersonalData(journal, input.before, 'manual', now()) }),
    'manage.wipe': (input): WipeView => {
      // The second factor: the PIN of a manager, typed now, whoever holds the session.
      const who = ctx.staff.authenticate(input.managerId, input.pin);
      if (who.role !== 'manager') throw new TillError('OVERRIDE_NOT_MANAGER', `${who.id} is a ${who.role}`);
      const pending = ctx.status().pendingCount;
      // What the Region has not confirmed is the partner's claim: it must reach the Region before the tokens go.
      if (pending > 0)
        throw new TillError('WIPE_PENDING', `${pending} operation(s) await the Region`, { pending });
      journal.append({ kind: 'EXPORTED', cashierId: ctx.cashierId(), payload: { what: 'wipe', by: who.id } });
      progress('wipe')(0, 1);
      deps.beforeWipe?.();
      const report = wipePersonalData(ctx.dataDir);
      progress('wipe')(1, 1);
      ctx.log('personal data wiped (end of partnership)', {
        removed: report.removed.length,
        copies: report.copiesPurged.length,
        verify: report.verify,
      });
      return {
        personsRemoved: report.personsRemoved,
        removed: report.removed.length,
        copiesPurged: report.copiesPurged.length,
        verify: report.verify,
      };
    },
  };
  return {
    handlers,
    stop: () => {
      clearInterval(restoreTimer);
      stopBackups();
      stopPurge();
    },
  };
}
