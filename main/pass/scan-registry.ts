// What the till remembers between a scan and the debit that follows: the token text stays in the core
// (the UI only holds a scan id), for as long as the token can still be used.
import { randomUUID } from 'node:crypto';
import type { Wallet } from '../../protocol/catalogue';

export interface ScannedPass {
  scanId: string;
  token: string;
  jti: string;
  beneficiaryId: string;
  season: number;
  membership: 'active' | 'inactive';
  balances: Record<Wallet, number>;
  expMs: number;
  iatMs: number;
  source: 'online' | 'offline';
}

export class ScanRegistry {
  private readonly scans = new Map<string, ScannedPass>();

  constructor(
    private readonly now: () => number,
    private readonly graceMs = 5 * 60_000,
  ) {}

  add(scan: Omit<ScannedPass, 'scanId'>): ScannedPass {
    this.prune();
    const entry = { ...scan, scanId: randomUUID() };
    this.scans.set(entry.scanId, entry);
    return entry;
  }

  get(scanId: string): ScannedPass | undefined {
    const scan = this.scans.get(scanId);
    if (scan && scan.expMs + this.graceMs < this.now()) {
      this.scans.delete(scanId);
      return undefined;
    }
    return scan;
  }

  /** Whether a scanned pass is still waiting for its debit (a sale is open at the counter). */
  hasOpenScans(): boolean {
    this.prune();
    return this.scans.size > 0;
  }

  forget(scanId: string): void {
    this.scans.delete(scanId);
  }

  private prune(): void {
    const limit = this.now() - this.graceMs;
    for (const [id, scan] of this.scans) if (scan.expMs < limit) this.scans.delete(id);
  }
}
