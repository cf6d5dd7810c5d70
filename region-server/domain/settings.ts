// The server's adjustable state that tests and demos drive through /admin: the clock, injected
// faults, and the offline policy. Kept in the database so that a restart keeps them.
import { z } from 'zod';
import type { Db } from '../db/open-database';
import { OfflinePolicy } from '../../protocol/passes';

export const FaultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  errorRate: z.number().min(0).max(1).default(0),
  dropAfterCommitRate: z.number().min(0).max(1).default(0),
});
export type Faults = z.infer<typeof FaultsSchema>;

// The offline policy's shape is the one GET /v1/keys publishes (protocol/passes.ts).
export type { OfflinePolicy };

export const DEFAULT_OFFLINE_POLICY: OfflinePolicy = {
  enabled: true,
  floorLimitCents: 2000,
  maxOfflineHours: 72,
};
const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, dropAfterCommitRate: 0 };

export class Settings {
  private clockMs: number | null;
  private faultsValue: Faults;
  private offlineValue: OfflinePolicy;

  constructor(private readonly db: Db) {
    const clock = this.read('clock');
    this.clockMs = typeof clock === 'number' ? clock : null;
    const faults = FaultsSchema.safeParse(this.read('faults'));
    this.faultsValue = faults.success ? faults.data : NO_FAULTS;
    const offline = OfflinePolicy.safeParse(this.read('offline'));
    this.offlineValue = offline.success ? offline.data : DEFAULT_OFFLINE_POLICY;
  }

  private read(key: string): unknown {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  private write(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, JSON.stringify(value));
  }

  /** The server's now in ms: a fixed instant set by an admin (time stands still), or the real clock. */
  now(): number {
    return this.clockMs ?? Date.now();
  }

  setClock(ms: number | null): void {
    this.clockMs = ms;
    this.write('clock', ms);
  }

  get faults(): Faults {
    return this.faultsValue;
  }

  setFaults(faults: Faults): void {
    this.faultsValue = faults;
    this.write('faults', faults);
  }

  get offline(): OfflinePolicy {
    return this.offlineValue;
  }

  setOffline(policy: OfflinePolicy): void {
    this.offlineValue = policy;
    this.write('offline', policy);
  }
}
