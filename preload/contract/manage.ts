// The manager's tasks from the installed till (issue 16): exports, signed archives, backups, the journal's
// verification, the diagnostic bundle, the purge of personal data and the end-of-partnership wipe. Each is
// one call, manager only; the long ones report `progress` events while they run.
//
// A file the till makes for the manager (CSV, PDF, archive, diagnostic) comes back in the call's answer as
// base64 with its name, type and SHA-256: the core runs in a process of its own in both hosts, so the bytes
// cross one process boundary whatever the delivery, and a second channel (a one-time download URL served by
// the browser host) would need its own secret, expiry and clean-up for no gain at these sizes (a
// 50,000-debit month is about 6 MB of CSV). The UI then hands the bytes to the host's own save path: a
// download in a browser; in Electron, the main process's save dialog (its `will-download` handler).
import { z } from 'zod';
import { call } from './define';
import { daySchema, emptyInput, idSchema, monthSchema } from './schemas';

/** The long tasks that report progress. */
export const MANAGE_TASKS = [
  'export.csv',
  'export.closurePdf',
  'archive.create',
  'archive.verify',
  'backup',
  'journal.verify',
  'diagnostic',
  'purge',
  'wipe',
  'update',
] as const;
export type ManageTask = (typeof MANAGE_TASKS)[number];

/** Pushed while a task runs: `done` of `total` units (pages, rows, entries); `total` 0 when unknown. */
export interface ProgressEvent {
  task: ManageTask;
  done: number;
  total: number;
}

export interface ExportedFile {
  name: string;
  mime: string;
  /** The file's bytes, base64. */
  base64: string;
  bytes: number;
  sha256: string;
}

/** A day, a Paris month or a range of days (both ends included). */
export const exportPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('day'), day: daySchema }).strict(),
  z.object({ kind: z.literal('month'), month: monthSchema }).strict(),
  z.object({ kind: z.literal('range'), from: daySchema, to: daySchema }).strict(),
]);
export type ExportPeriod = z.infer<typeof exportPeriodSchema>;

export interface CsvExportView extends ExportedFile {
  count: number;
}

export interface ArchiveCreatedView extends ExportedFile {
  period: string;
  firstSeq: number;
  lastSeq: number;
  closures: number;
  keyId: string;
}

/** Why an archive does not verify. */
export type ArchiveProblem =
  | 'MALFORMED'
  | 'SIGNATURE_INVALID'
  | 'CHAIN_BROKEN'
  | 'CLOSURE_MISMATCH'
  | 'KEY_UNKNOWN'
  | 'KEY_UNTRUSTED'
  | 'JOURNAL_DIFFERS';

/** An archive that verifies: whose, of which period, which piece of the chain, under which key. */
export interface VerifiedArchive {
  deviceId: string;
  period: string;
  entries: number;
  closures: number;
  firstSeq: number;
  lastSeq: number;
  lastHash: string;
  keyId: string;
}

/** An archive's verdict, as `till archive verify` prints it. */
export type ArchiveVerdictView =
  | ({ ok: true; matchesJournal: boolean } & VerifiedArchive)
  | { ok: false; problem: ArchiveProblem; detail: string; seq: number | null };

export interface BackupRunView {
  at: string;
  ok: boolean;
  /** Where the copy went (ok) or the coded reason it did not (not ok). */
  file: string | null;
  code: string | null;
  bytes: number;
  /** The journal's last entry the copy holds. */
  headSeq: number | null;
  trigger: 'manual' | 'daily';
}

export interface BackupStatusView {
  folder: string | null;
  keep: number;
  daily: boolean;
  last: BackupRunView | null;
  /** The copies now in the folder, newest first. */
  files: { name: string; bytes: number; at: string }[];
}

export interface PrivacyView {
  /** Personal data of youths not seen for this many months is purged automatically (null: never). */
  retentionMonths: number | null;
  lastPurge: { at: string; before: string; persons: number; trigger: 'manual' | 'automatic' } | null;
}

export interface WipeView {
  personsRemoved: number | null;
  removed: number;
  copiesPurged: number;
  verify: 'ok' | 'broken' | 'no-journal';
}

/** What the manager types to confirm the wipe (the second confirmation), in either language. */
export const WIPE_CONFIRM_WORDS = ['EFFACER', 'ERASE'] as const;

const BACKUP_KEEP_MAX = 365;
/** A signed archive of a busy month is a few MB; 64 MB of base64 leaves room and bounds the input. */
const ARCHIVE_TEXT_MAX = 64 * 1024 * 1024;

export const manageCalls = {
  'manage.exportCsv': call<CsvExportView>()(z.object({ period: exportPeriodSchema }).strict(), 'manager'),
  /** A day's Z-closure or a month's closure as PDF (the period must be closed). */
  'manage.closurePdf': call<ExportedFile>()(
    z.object({ period: z.union([daySchema, monthSchema]) }).strict(),
    'manager',
  ),
  'manage.archiveCreate': call<ArchiveCreatedView>()(
    z.object({ period: z.union([daySchema, monthSchema]) }).strict(),
    'manager',
  ),
  'manage.archiveVerify': call<ArchiveVerdictView>()(
    z.object({ text: z.string().min(1).max(ARCHIVE_TEXT_MAX) }).strict(),
    'manager',
  ),
  'manage.backupStatus': call<BackupStatusView>()(emptyInput, 'manager'),
  'manage.backupConfigure': call<BackupStatusView>()(
    z
      .object({
        folder: z.string().min(1).max(1024).nullable().optional(),
        keep: z.number().int().min(1).max(BACKUP_KEEP_MAX).optional(),
        daily: z.boolean().optional(),
      })
      .strict(),
    'manager',
  ),
  'manage.backupNow': call<BackupRunView>()(emptyInput, 'manager'),
  'manage.diagnostic': call<ExportedFile>()(emptyInput, 'manager'),
  'manage.privacy': call<PrivacyView>()(emptyInput, 'manager'),
  'manage.privacyConfigure': call<PrivacyView>()(
    z.object({ retentionMonths: z.number().int().min(1).max(120).nullable() }).strict(),
    'manager',
  ),
  /** Names and birth dates of youths not seen since `before` (a Paris day) go; the chain stays. */
  'manage.purge': call<{ persons: number }>()(z.object({ before: daySchema }).strict(), 'manager'),
  /** The end of the partnership: two confirmations in the UI, then this call with the word and a manager's PIN. */
  'manage.wipe': call<WipeView>()(
    z
      .object({
        confirm: z.enum(WIPE_CONFIRM_WORDS),
        managerId: idSchema,
        pin: z.string().regex(/^\d{4,12}$/),
      })
      .strict(),
    'manager',
  ),
};

/** Where receipts print (Réglages → Imprimante de tickets). */
export interface PrinterSettingsView {
  /** 'system': an OS printer, through the page (silent in Electron, the print dialog in a browser); 'network': raw ESC/POS over TCP. */
  kind: 'system' | 'network';
  /** The OS printer's name (Electron's webContents.getPrintersAsync().name); null: the default printer. */
  deviceName: string | null;
  host: string | null;
  port: number;
  width: 80 | 58;
  /** Print the receipt after each accepted sale, without a click. */
  autoPrint: boolean;
}

export const printerCalls = {
  'printer.settings': call<PrinterSettingsView>()(emptyInput, 'cashier'),
  'printer.configure': call<PrinterSettingsView>()(
    z
      .object({
        kind: z.enum(['system', 'network']).optional(),
        deviceName: z.string().min(1).max(256).nullable().optional(),
        // A host name or an IPv4/IPv6 address; nothing else goes into a connect().
        host: z
          .string()
          .regex(/^[A-Za-z0-9.:-]{1,253}$/)
          .nullable()
          .optional(),
        port: z.number().int().min(1).max(65535).optional(),
        width: z.union([z.literal(80), z.literal(58)]).optional(),
        autoPrint: z.boolean().optional(),
      })
      .strict(),
    'manager',
  ),
  /** Prints a receipt on the network printer (a system printer prints from the page). Reprints from the journal too. */
  'printer.printReceipt': call<{ bytes: number }>()(z.object({ debitId: z.uuid() }).strict(), 'cashier'),
};

/** What the shell's updater weighs before installing (main/shell/updater.ts, decideInstall). */
export interface UpdateReadinessView {
  saleInProgress: boolean;
  pendingCount: number;
  /** When the latest Z-closure entry was written (ISO), null if none. */
  lastDayClosedAt: string | null;
  role: 'none' | 'cashier' | 'manager';
}

/** Pushed when a manager asks for the downloaded update now; the shell decides (never during a sale). */
export interface UpdateRequestEvent {
  action: 'install-now';
  by: string;
}

export const updateCalls = {
  /** Read by the shell (any session): no personal data, nothing to change. */
  'update.readiness': call<UpdateReadinessView>()(emptyInput, 'none'),
  /** The feed URL set on this till (null: the one baked into the build). */
  'update.feed': call<{ feedUrl: string | null }>()(emptyInput, 'none'),
  /** Takes effect at the next start of the till. */
  'update.configure': call<{ feedUrl: string | null }>()(
    z.object({ feedUrl: z.url().max(1024).nullable() }).strict(),
    'manager',
  ),
  'update.installNow': call<{ requested: true }>()(emptyInput, 'manager'),
};

export interface RestoreStagedView {
  /** The backup's last entry and device, as checked (the chain verified). */
  headSeq: number;
  deviceId: string | null;
  entries: number;
  /** The restore applies when the till starts again. */
  restartRequired: true;
}

export const restoreCalls = {
  /**
   * A new PC: the journal of a backup (a path on this computer: the USB stick, the share) checked, chain
   * included, and staged for the next start. Refused on a till that already has an enrolled journal.
   */
  'manage.restore': call<RestoreStagedView>()(
    z.object({ path: z.string().min(1).max(1024) }).strict(),
    'none',
  ),
};

/** À propos / État: what the till is, and how it stands with the Region. */
export interface AboutView {
  versions: {
    app: string | null;
    electron: string | null;
    chromium: string | null;
    node: string;
    journalSchema: number;
  };
  deviceId: string | null;
  deviceName: string | null;
  partnerName: string | null;
  regionUrl: string | null;
  online: boolean;
  /** The last Region answer the journal records (a debit's answer, a void's, fresh keys…), ISO; null if none. */
  lastRegionAnswerAt: string | null;
  pendingCount: number;
  /** When the offline keys were last fetched (ISO), and how old they are in hours. */
  keysFetchedAt: string | null;
  keysAgeHours: number | null;
  offlinePolicy: { enabled: boolean; floorLimitCents: number; maxOfflineHours: number } | null;
}

export const aboutCalls = {
  'about.get': call<AboutView>()(emptyInput, 'cashier'),
  /** Sends what awaits the Region now (the outbox's next pass at once); progress shows as the count falls. */
  'about.sendNow': call<{ pendingCount: number }>()(emptyInput, 'cashier'),
};

/** The shell's updater state (main/shell/updater.ts), shown on À propos through the shell's broker. */
export type UpdateStateView =
  | { status: 'disabled'; reason: 'NOT_PACKAGED' | 'NO_FEED_URL' | 'INVALID_FEED_URL' }
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'downloading'; version: string }
  | { status: 'ready'; version: string }
  | { status: 'failed'; code: 'UPDATE_CHECK_FAILED'; detail: string };
