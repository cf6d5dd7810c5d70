// The partner's staff at this till: names, roles and PIN hashes, outside the journal's chain (they are
// settings, not facts), while every login and logout is a journal entry.
import { randomUUID } from 'node:crypto';
import { TillError, type StaffView } from '../../preload/contract';
import { hashPin, PIN_PATTERN, verifyPin } from './pin';

export interface StaffRecord extends StaffView {
  pinHash: string;
  active: boolean;
}

export interface SettingsStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: never): void;
}

const KEY = 'staff';

export class StaffDirectory {
  constructor(private readonly settings: { get<T>(key: string): T | undefined; set(key: string, value: unknown): void }) {}

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
    const record: StaffRecord = { id: `S-${randomUUID().slice(0, 8)}`, name: name.trim(), role, pinHash: hashPin(pin), active: true };
    this.settings.set(KEY, [...this.all(), record]);
    return { id: record.id, name: record.name, role: record.role };
  }

  /** The staff member if the PIN matches; PIN_INVALID otherwise (never says which part was wrong). */
  authenticate(staffId: string, pin: string): StaffView {
    const record = this.all().find((s) => s.id === staffId && s.active);
    if (!record || !verifyPin(pin, record.pinHash)) throw new TillError('PIN_INVALID');
    return { id: record.id, name: record.name, role: record.role };
  }
}
