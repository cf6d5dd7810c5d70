// What the groups of handlers share: the journal, the Region link, the staff session, the scans in
// flight, the event bus and the clock. Built once by createTill and passed whole to each group; each group
// declares the part it uses (its *HandlerDeps type beside it), so a reader sees what a group can touch and a
// test builds only that (no global singletons for tests to reset).
import type { StaffView, TillStatus } from '../../preload/contract';
import type { Journal } from '../journal/journal';
import type { RegionClient, RegionOutcome } from '../region/client';
import type { RegionLink } from '../region/region-link';
import type { SecretCipher } from '../secrets/secret-store';
import type { AnchorService } from '../anchors/anchor-service';
import type { StaffDirectory } from '../staff/staff-directory';
import type { ScanRegistry } from '../pass/scan-registry';
import type { EventBus } from './event-bus';

export interface TillContext {
  readonly journal: Journal;
  readonly link: RegionLink;
  /** Seals the till's secrets at rest (the device token, the archive key): safeStorage in Electron. */
  readonly secrets: SecretCipher;
  /** The journal's head and closures, held by the Region (journal anchors). */
  readonly anchors: AnchorService;
  readonly staff: StaffDirectory;
  readonly scans: ScanRegistry;
  readonly events: EventBus;
  readonly dataDir: string;
  now(): number;
  log(message: string, fields?: Record<string, unknown>): void;
  /** The staff member at the till now, or null. */
  session(): StaffView | null;
  setSession(staff: StaffView | null): void;
  /** Who each journal entry is recorded as made by. */
  cashierId(): string;
  /** The authenticated Region client; throws NOT_ENROLLED before enrolment. */
  region(): RegionClient;
  /** Notes whether the Region answered (online/offline) and passes the outcome through. */
  observe<T>(outcome: RegionOutcome<T>): RegionOutcome<T>;
  status(): TillStatus;
  publishStatus(): void;
  /** Options tests may shorten. */
  readonly tuning: { immediateRetryDelaysMs?: readonly number[]; scanWaitMs?: number };
}
