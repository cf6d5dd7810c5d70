// Journal anchors (region-api.md): the Region keeps this journal's head at the moments the till reports it —
// after each batch the outbox delivers, with every closure, and after a restore — so a journal whose tail was
// cut, or whose whole chain was recomputed, no longer matches what the Region holds. The archive-signing
// public key is registered too, so an archive verifies against a key the Region lists, not one in the file.
//
// Anchors are idempotent by id (derived from the seq), so a lost answer is simply sent again; what was
// anchored is remembered in the settings, outside the chain: an anchor is evidence held by the Region, and
// writing a chain entry per anchor would move the head it reports. Only a refusal (409 ANCHOR_CONFLICT) is a
// fact of this journal's life, and goes into the chain.
import {
  AnchorConflict,
  type AnchorRequest,
  type ClosureSummary,
  type Ed25519PublicJwk,
} from '../../protocol/anchors';
import type { Journal, JournalEntry } from '../journal/journal';
import { closureSchema } from '../journal/debit-payloads';
import type { RegionClient, RegionOutcome } from '../region/client';

export interface AnchorState {
  /** The highest seq the Region accepted as a 'sync' or 'restore' anchor. */
  anchoredSeq: number;
  /** The highest closure entry whose anchor the Region answered (accepted or refused). */
  closureSeq: number;
  /** The archive key id the Region holds for this device. */
  archiveKeyId: string | null;
}

const STATE_KEY = 'anchors.state';
const EMPTY: AnchorState = { anchoredSeq: 0, closureSeq: 0, archiveKeyId: null };

export interface AnchorServiceDeps {
  journal: Journal;
  /** The authenticated client, or null before enrolment (or while the device token cannot be opened). */
  region: () => RegionClient | null;
  now: () => number;
  /** The archive key to register: its id and public JWK. */
  archiveKey: () => { keyId: string; jwk: Ed25519PublicJwk } | null;
  observe?: <T>(outcome: RegionOutcome<T>) => RegionOutcome<T>;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface FlushReport {
  closures: number;
  anchoredSeq: number;
  conflicts: number;
  /** The Region did not answer definitely: the rest waits for the next flush. */
  stopped: boolean;
}

export function closureSummary(entry: JournalEntry): ClosureSummary | null {
  const parsed = closureSchema.safeParse(entry.payload);
  if (!parsed.success || (entry.kind !== 'DAY_CLOSED' && entry.kind !== 'MONTH_CLOSED')) return null;
  const p = parsed.data;
  return {
    period: p.period,
    kind: entry.kind === 'DAY_CLOSED' ? 'day' : 'month',
    count: p.count,
    totalCents: p.periodTotalCents,
    grandTotalCents: p.grandTotalCents,
  };
}

export class AnchorService {
  private running: Promise<FlushReport> | null = null;
  private again = false;

  constructor(private readonly deps: AnchorServiceDeps) {}

  state(): AnchorState {
    return { ...EMPTY, ...(this.deps.journal.settings.get<Partial<AnchorState>>(STATE_KEY) ?? {}) };
  }

  private save(patch: Partial<AnchorState>): void {
    this.deps.journal.settings.set(STATE_KEY, { ...this.state(), ...patch });
  }

  /** Sends what the Region does not hold yet; one flush at a time, a call during one runs once more after it. */
  flush(): Promise<FlushReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let report: FlushReport;
      do {
        this.again = false;
        report = await this.flushOnce();
      } while (this.again && !report.stopped);
      return report;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Enrolment carried the archive key: nothing to PUT later. */
  archiveKeyRegistered(keyId: string): void {
    this.save({ archiveKeyId: keyId });
  }

  /** A journal restored from a backup says so: the Region records the seq it restarts from as a declared gap. */
  async declareRestore(): Promise<RegionOutcome<unknown>> {
    const client = this.deps.region();
    if (!client) return { kind: 'unknown', detail: 'not enrolled' };
    const head = this.deps.journal.head();
    const answer = this.observe(
      await client.postAnchor({
        id: `restore-${head.seq}-${this.deps.now()}`,
        seq: head.seq,
        hash: head.hash,
        at: this.iso(),
        kind: 'restore',
      }),
    );
    if (answer.kind === 'ok') this.save({ anchoredSeq: head.seq });
    return answer;
  }

  private async flushOnce(): Promise<FlushReport> {
    const report: FlushReport = {
      closures: 0,
      anchoredSeq: this.state().anchoredSeq,
      conflicts: 0,
      stopped: false,
    };
    const client = this.deps.region();
    if (!client) return { ...report, stopped: true };
    if (!(await this.registerArchiveKey(client))) return { ...report, stopped: true };

    const { journal } = this.deps;
    const closures = journal.list({
      kinds: ['DAY_CLOSED', 'MONTH_CLOSED'],
      fromSeq: this.state().closureSeq + 1,
      order: 'asc',
    });
    for (const entry of closures) {
      const closure = closureSummary(entry);
      if (!closure) continue;
      const sent = await this.send(client, {
        id: `closure-${entry.seq}`,
        seq: entry.seq,
        hash: entry.hash,
        at: entry.at,
        kind: 'closure',
        closure,
      });
      if (sent === 'stopped') return { ...report, stopped: true };
      if (sent === 'conflict') report.conflicts += 1;
      this.save({ closureSeq: entry.seq });
      report.closures += 1;
    }

    const head = journal.head();
    if (head.seq > this.state().anchoredSeq) {
      const sent = await this.send(client, {
        id: `sync-${head.seq}`,
        seq: head.seq,
        hash: head.hash,
        at: this.iso(),
        kind: 'sync',
      });
      if (sent === 'stopped') return { ...report, stopped: true };
      if (sent === 'conflict') report.conflicts += 1;
      // A refused head is not retried as such: the conflict is in the chain, and the next head is anchored next.
      this.save({ anchoredSeq: head.seq });
      report.anchoredSeq = head.seq;
    }
    return report;
  }

  private async registerArchiveKey(client: RegionClient): Promise<boolean> {
    const key = this.deps.archiveKey();
    if (!key || this.state().archiveKeyId === key.keyId) return true;
    const answer = this.observe(await client.putArchiveKey(key.jwk));
    if (answer.kind !== 'ok') {
      this.deps.log?.('archive key not registered', {
        kind: answer.kind,
        ...(answer.kind === 'refused' ? { code: answer.code } : {}),
      });
      return answer.kind === 'refused';
    }
    this.save({ archiveKeyId: key.keyId });
    return true;
  }

  private async send(
    client: RegionClient,
    anchor: AnchorRequest,
  ): Promise<'accepted' | 'conflict' | 'stopped'> {
    const answer = this.observe(await client.postAnchor(anchor));
    if (answer.kind === 'ok') return 'accepted';
    if (answer.kind === 'refused' && answer.code === 'ANCHOR_CONFLICT') {
      const parsedConflict = AnchorConflict.safeParse(answer.extra?.['conflict']);
      this.deps.journal.append({
        kind: 'ANCHOR_CONFLICT',
        cashierId: null,
        payload: {
          anchorId: anchor.id,
          seq: anchor.seq,
          hash: anchor.hash,
          ...(parsedConflict.success ? { conflict: parsedConflict.data } : {}),
        },
      });
      this.deps.log?.('anchor refused by the Region', { seq: anchor.seq, kind: anchor.kind });
      return 'conflict';
    }
    if (answer.kind === 'refused') {
      // Any other refusal (a malformed anchor, an unknown device) will not change by resending: noted, passed.
      this.deps.log?.('anchor refused', { seq: anchor.seq, code: answer.code });
      return 'conflict';
    }
    return 'stopped';
  }

  private observe<T>(outcome: RegionOutcome<T>): RegionOutcome<T> {
    return this.deps.observe ? this.deps.observe(outcome) : outcome;
  }

  private iso(): string {
    return new Date(this.deps.now()).toISOString();
  }
}
