// Wrong PINs per staff member (issue 15 item 4): all 10,000 four-digit PINs take about 15 minutes through
// the browser-mode API, so guessing must stop long before. The first five failures are free (fingers
// slip); from the fifth, each next try waits, the wait doubling each time; the tenth locks the member
// until a manager unlocks them. Every failure, lock and unlock is a journal entry (who and when, never
// the PIN). The counters live in the settings (outside the chain) so they survive a restart; a success
// clears them.
import { TillError } from '../../preload/contract/errors';
import type { EntryKind } from '../journal/entry-kinds';
import type { JsonValue } from '../journal/json-value';

/** Failures allowed before tries are spaced out. */
export const FREE_FAILURES = 5;
/** Failures after which only a manager can unlock. */
export const LOCK_AFTER_FAILURES = 10;
/** The wait after the fifth failure; doubles with each further one (30 s, 1, 2, 4, 8 min). */
export const FIRST_DELAY_MS = 30_000;

const KEY = 'staff.pinFailures';

interface FailureRecord {
  failures: number;
  lastFailureMs: number;
}

export interface PinLockoutState {
  staffId: string;
  failures: number;
  locked: boolean;
  /** When the next try is allowed (ISO), while a wait applies. */
  retryAt: string | null;
}

export interface LockoutDeps {
  settings: { get<T>(key: string): T | undefined; set(key: string, value: JsonValue): void };
  journal: {
    append(input: {
      kind: EntryKind;
      cashierId?: string | null;
      payload: { [k: string]: JsonValue };
    }): unknown;
  } | null;
  now: () => number;
}

/** The wait before the next try after `failures` consecutive failures (0 while fewer than five). */
export function delayAfter(failures: number): number {
  return failures < FREE_FAILURES ? 0 : FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES);
}

export class PinLockout {
  constructor(private readonly deps: LockoutDeps) {}

  private all(): Record<string, FailureRecord> {
    return this.deps.settings.get<Record<string, FailureRecord>>(KEY) ?? {};
  }

  private save(records: Record<string, FailureRecord>): void {
    this.deps.settings.set(KEY, records as unknown as JsonValue);
  }

  state(staffId: string): PinLockoutState {
    const r = this.all()[staffId];
    if (!r) return { staffId, failures: 0, locked: false, retryAt: null };
    const locked = r.failures >= LOCK_AFTER_FAILURES;
    const retryMs = r.lastFailureMs + delayAfter(r.failures);
    return {
      staffId,
      failures: r.failures,
      locked,
      retryAt: !locked && retryMs > this.deps.now() ? new Date(retryMs).toISOString() : null,
    };
  }

  /** Refuses a try that comes too early (PIN_RETRY_LATER) or for a locked member (STAFF_LOCKED), before any PIN is checked. */
  check(staffId: string): void {
    const s = this.state(staffId);
    if (s.locked)
      throw new TillError('STAFF_LOCKED', `${staffId} is locked after ${s.failures} wrong PINs`, { staffId });
    if (s.retryAt) {
      const seconds = Math.ceil((Date.parse(s.retryAt) - this.deps.now()) / 1000);
      throw new TillError('PIN_RETRY_LATER', `${staffId}: ${s.failures} wrong PINs`, {
        staffId,
        retryAt: s.retryAt,
        seconds,
      });
    }
  }

  /** Counts a wrong PIN, journals it (and the lock at the tenth). */
  failed(staffId: string): PinLockoutState {
    const records = this.all();
    const failures = (records[staffId]?.failures ?? 0) + 1;
    const at = this.deps.now();
    records[staffId] = { failures, lastFailureMs: at };
    this.save(records);
    this.deps.journal?.append({ kind: 'LOGIN_FAILED', cashierId: null, payload: { staffId, failures } });
    if (failures === LOCK_AFTER_FAILURES)
      this.deps.journal?.append({ kind: 'STAFF_LOCKED', cashierId: null, payload: { staffId, failures } });
    return this.state(staffId);
  }

  succeeded(staffId: string): void {
    const records = this.all();
    if (!records[staffId]) return;
    delete records[staffId];
    this.save(records);
  }

  /** A manager clears a member's failures (locked or waiting). */
  unlock(staffId: string, by: string): void {
    const before = this.state(staffId);
    this.succeeded(staffId);
    this.deps.journal?.append({
      kind: 'STAFF_UNLOCKED',
      cashierId: by,
      payload: { staffId, by, failures: before.failures },
    });
  }

  /** Members with failures on record. */
  states(): PinLockoutState[] {
    return Object.keys(this.all()).map((id) => this.state(id));
  }
}
