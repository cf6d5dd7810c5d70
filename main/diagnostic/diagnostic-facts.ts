// The facts the diagnostic bundle carries, gathered from a running till: an allow-list, field by field
// (diagnostic-bundle.ts says why). Staff appear as counts, the status without the staff member's name.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScannerDeviceView, ScanStatsView, SettingsView, TillStatus } from '../../preload/contract';
import type { Journal } from '../journal/journal';
import { findAppRoot } from '../sqlite/sqlite-binding';
import type { DiagnosticFacts } from './diagnostic-bundle';

/** Entries that record the Region refusing or not answering. */
const REGION_ERROR_KINDS = [
  'DEBIT_REFUSED',
  'DEBIT_UNKNOWN',
  'VOID_REFUSED',
  'COUPON_REFUSED',
  'CHECKIN_REFUSED',
  'CLOCK_SKEW',
] as const;
const REGION_ERRORS_SHOWN = 30;

let cachedVersion: string | null | undefined;

/** The till's version, from its package.json (the repository's, or app.asar's when packaged). */
export function appVersion(): string | null {
  if (cachedVersion !== undefined) return cachedVersion;
  try {
    const root = findAppRoot(dirname(fileURLToPath(import.meta.url)));
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
    cachedVersion = typeof manifest.version === 'string' ? manifest.version : null;
  } catch {
    cachedVersion = null;
  }
  return cachedVersion;
}

export interface FactSources {
  journal: Journal;
  status: TillStatus;
  settings: SettingsView;
  scanners: ScannerDeviceView[];
  scanStats: ScanStatsView;
  staff: { role: 'cashier' | 'manager' }[];
  lockedStaff: number;
  backup: unknown;
  privacy: unknown;
  now: Date;
}

export function diagnosticFacts(s: FactSources): DiagnosticFacts {
  const { journal, status } = s;
  const verify = journal.verify();
  const storage = journal.storage();
  const regionErrors = journal
    .list({ kinds: [...REGION_ERROR_KINDS], order: 'desc', limit: REGION_ERRORS_SHOWN })
    .map((e) => {
      const code = e.payload['code'] ?? e.payload['reason'] ?? null;
      return { seq: e.seq, kind: e.kind, at: e.at, code: typeof code === 'string' ? code : null };
    });
  const { staff: _who, ...statusWithoutStaff } = status;
  return {
    createdAt: s.now.toISOString(),
    versions: {
      app: appVersion(),
      electron: process.versions.electron ?? null,
      chromium: process.versions.chrome ?? null,
      node: process.versions.node,
      platform: `${process.platform} ${process.arch}`,
      journalSchema: storage.schemaVersion,
    },
    status: { ...statusWithoutStaff, staffLoggedIn: status.staff?.role ?? null },
    settings: {
      ...s.settings,
      backup: s.backup,
      privacy: s.privacy,
      journalMode: storage.journalMode,
      synchronous: storage.synchronous,
    },
    verify: verify.ok
      ? { ok: true, count: verify.count, head: verify.head }
      : { ok: false, seq: verify.seq, problem: verify.problem, detail: verify.detail },
    pending: { awaitingRegion: status.pendingCount },
    regionErrors,
    scanners: [
      ...s.scanners.map((d) => ({ ...d })),
      { lastScanBySource: s.scanStats.lastBySource, platformNotes: s.scanStats.platformNotes },
    ],
    staff: {
      managers: s.staff.filter((m) => m.role === 'manager').length,
      cashiers: s.staff.filter((m) => m.role === 'cashier').length,
      locked: s.lockedStaff,
    },
  };
}
