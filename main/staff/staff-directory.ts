// The partner's staff at this till: names, roles and PIN hashes, outside the journal's chain (they are
// settings, not facts), while every login, logout, wrong PIN, lock and unlock is a journal entry.
import { randomUUID } from 'node:crypto';
import { TillError, type StaffView } from '../../preload/contract';
import type { JsonValue } from '../journal/json-value';
import { hashPin, PIN_PATTERN, verifyPin } from './pin';
import { PinLockout, type LockoutDeps, type PinLockoutState } from './pin-lockout';

export interface StaffRecord extends StaffView {
  pinHash: string;
  active: boolean;
}

const KEY = 'staff';

export class StaffDirectory {
  readonly lockout: PinLockout;

  constructor(
    private readonly settings: {
      get<T>(key: string): T | undefined;
      set(key: string, value: JsonValue): void;
    },
    deps: Partial<Pick<LockoutDeps, 'journal' | 'now'>> = {},
  ) {
    this.lockout = new PinLockout({ settings, journal: deps.journal ?? null, now: deps.now ?? Date.now });
  }

  all(): StaffRecord[] {
    return this.settings.get<StaffRecord[]>(KEY) ?? [];
  }

  views(): StaffView[] {
    return this.all()
      .filter((s) => s.active)
      .map(({ id, name, role }) => ({ id, name, role }));
  }

  add(name: string, role: StaffView['role'], pin: string): StaffView {
    if (!PIN_PATTERN.test(pin)) throw new TillError('INPUT_INVALID', 'PIN must be 4 to 8 digits');
    const record: StaffRecord = {
      id: `S-${randomUUID().slice(0, 8)}`,
      name: name.trim(),
      role,
      pinHash: hashPin(pin),
      active: true,
    };
    this.settings.set(KEY, [...this.all(), record] as unknown as JsonValue);
    return { id: record.id, name: record.name, role: record.role };
  }

  /**
   * The staff member if the PIN matches; PIN_INVALID otherwise (never says which part was wrong).
   * A member with too many wrong PINs is refused before the PIN is even checked (PIN_RETRY_LATER,
   * STAFF_LOCKED): a right PIN does not get through a lock.
   */
  authenticate(staffId: string, pin: string): StaffView {
    const record = this.all().find((s) => s.id === staffId && s.active);
    if (!record) throw new TillError('PIN_INVALID');
    this.lockout.check(record.id);
    if (!verifyPin(pin, record.pinHash)) {
      this.lockout.failed(record.id);
      throw new TillError('PIN_INVALID');
    }
    this.lockout.succeeded(record.id);
    return { id: record.id, name: record.name, role: record.role };
  }

  /** A manager unlocks a member (NOT_FOUND for an unknown one). */
  unlock(staffId: string, by: string): PinLockoutState {
    if (!this.all().some((s) => s.id === staffId))
      throw new TillError('NOT_FOUND', `no staff member ${staffId}`);
    this.lockout.unlock(staffId, by);
    return this.lockout.state(staffId);
  }

  /** Members with wrong PINs on record (the manager's view in Réglages). */
  lockouts(): PinLockoutState[] {
    const known = new Set(this.views().map((s) => s.id));
    return this.lockout.states().filter((s) => known.has(s.staffId));
  }
}
