// A debit, exactly once (architecture.md): local rules → durable intent → the Region → durable answer.
// The journal entry DEBIT_REQUESTED is committed before the Region hears of the debit, with the UUID
// that is its idempotency key; the cashier is told nothing before the answer is committed too.
// An unknown outcome (timeout, 5xx, dropped connection) is never reported as a refusal: the same UUID is
// retried, and what is still unknown stays "pending" for the outbox.
import { randomUUID } from 'node:crypto';
import { walletOf, type Category } from '../../protocol/catalogue';
import { TillError, type DebitOutcome, type DebitRequest } from '../../preload/contract';
import type { Journal, JournalEntry } from '../journal/journal';
import type { RegionClient, RegionOutcome } from '../region/client';
import type { ScanRegistry, ScannedPass } from '../pass/scan-registry';
import { firstRefusal } from './rules';

export interface DebitEngineDeps {
  journal: Journal;
  scans: ScanRegistry;
  region: () => RegionClient;
  accreditations: () => readonly Category[];
  now: () => number;
  /** Pauses between immediate retries of an unknown outcome, while the cashier waits. */
  immediateRetryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  onOutcome?: (outcome: DebitOutcome) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export class DebitEngine {
  constructor(private readonly deps: DebitEngineDeps) {}

  async submit(request: DebitRequest, cashierId: string): Promise<DebitOutcome> {
    const { journal, now } = this.deps;
    const scan = this.deps.scans.get(request.scanId);
    if (!scan) throw new TillError('SCAN_UNKNOWN');
    const nowMs = now();
    const wallet = walletOf(request.category);
    const refusal = firstRefusal({
      accreditations: this.deps.accreditations(),
      category: request.category,
      item: request.item,
      sessions: request.sessions,
      priceCents: request.priceCents,
      amountCents: request.amountCents,
      balanceCents: scan.balances[wallet],
      membership: scan.membership,
      season: scan.season,
      nowMs,
      tokenExpMs: scan.expMs,
      tokenUsedHere: journal.debits.isJtiUsed(scan.jti),
    });
    if (refusal) throw new TillError(refusal.code, undefined, refusal.params);

    const debitId = randomUUID();
    const occurredAt = new Date(nowMs).toISOString();
    const requested = journal.append({
      kind: 'DEBIT_REQUESTED',
      cashierId,
      at: occurredAt,
      payload: {
        debitId,
        category: request.category,
        item: request.item,
        ...(request.sessions !== undefined ? { sessions: request.sessions } : {}),
        priceCents: request.priceCents,
        amountCents: request.amountCents,
        mode: 'online',
        jti: scan.jti,
        beneficiaryId: scan.beneficiaryId,
        occurredAt,
        tokenExp: Math.floor(scan.expMs / 1000),
      },
    });
    // One token pays for one debit: the scan is spent whatever the answer.
    this.deps.scans.forget(scan.scanId);
    return this.send(requested, scan, request, cashierId);
  }

  private async send(requested: JournalEntry, scan: ScannedPass, request: DebitRequest, cashierId: string): Promise<DebitOutcome> {
    const { journal } = this.deps;
    const payload = requested.payload;
    const debitId = String(payload.debitId);
    const occurredAt = String(payload.occurredAt);
    const body = {
      id: debitId,
      deviceSeq: requested.seq,
      token: scan.token,
      category: request.category,
      item: request.item,
      ...(request.sessions !== undefined ? { sessions: request.sessions } : {}),
      amountCents: request.amountCents,
      priceCents: request.priceCents,
      occurredAt,
      mode: 'online' as const,
      cashierId,
    };
    const base = {
      debitId,
      deviceSeq: requested.seq,
      category: request.category,
      item: request.item,
      priceCents: request.priceCents,
      amountCents: request.amountCents,
      remainderCents: request.priceCents - request.amountCents,
      occurredAt,
    };
    const delays = this.deps.immediateRetryDelaysMs ?? [250, 750, 1500];
    const sleep = this.deps.sleep ?? defaultSleep;
    let answer: RegionOutcome<{ walletBalanceCents: number; acceptedAt: string }> = { kind: 'unknown', detail: 'not sent' };
    for (let attempt = 0; attempt <= delays.length; attempt += 1) {
      answer = await this.deps.region().postDebit(body);
      if (answer.kind === 'ok' || answer.kind === 'refused') break;
      const pause = answer.kind === 'retry' ? Math.min(answer.retryAfterMs, 2000) : delays[attempt];
      if (pause === undefined || attempt === delays.length) break;
      await sleep(pause);
    }

    let outcome: DebitOutcome;
    if (answer.kind === 'ok') {
      journal.append({
        kind: 'DEBIT_ACCEPTED',
        cashierId,
        payload: { debitId, walletBalanceCents: answer.value.walletBalanceCents, acceptedAt: answer.value.acceptedAt },
      });
      outcome = { ...base, status: 'accepted', walletBalanceCents: answer.value.walletBalanceCents };
    } else if (answer.kind === 'refused') {
      journal.append({
        kind: 'DEBIT_REFUSED',
        cashierId,
        payload: { debitId, code: answer.code, ...(answer.detail ? { detail: answer.detail.slice(0, 200) } : {}) },
      });
      const code = answer.code as DebitOutcome['code'];
      outcome = { ...base, status: 'refused', walletBalanceCents: null, ...(code ? { code } : {}) };
    } else {
      journal.append({
        kind: 'DEBIT_UNKNOWN',
        cashierId,
        payload: { debitId, detail: answer.kind === 'retry' ? `HTTP ${answer.status}` : answer.detail.slice(0, 200) },
      });
      outcome = { ...base, status: 'pending', walletBalanceCents: null };
    }
    this.deps.onOutcome?.(outcome);
    return outcome;
  }
}
