// A debit, exactly once (architecture.md): local rules → durable intent → the Region → durable answer.
// The journal entry DEBIT_REQUESTED is committed before the Region hears of the debit, with the UUID
// that is its idempotency key; the cashier is told nothing before the answer is committed too.
// An unknown outcome (timeout, 5xx, dropped connection) is never reported as a refusal: the same UUID is
// retried, and what is still unknown stays "pending" for the outbox — never silently turned offline.
// A pass read offline (the Region unreachable at the scan) is accepted offline within the Region's
// policy, and the outbox sends it later.
import { randomUUID } from 'node:crypto';
import { walletOf, type Category } from '../../protocol/catalogue';
import { TillError, type DebitOutcome, type DebitRequest, type VoidReasonCode } from '../../preload/contract';
import type { DebitState, Journal, JournalEntry, JsonValue } from '../journal/journal';
import type { RegionClient } from '../region/client';
import type { ScanRegistry, ScannedPass } from '../pass/scan-registry';
import type { DebitRequests, OutboxClaims } from './outbox-port';
import { debitBody } from './region-request';
import { firstRefusal } from './rules';
import { firstOfflineRefusal } from './offline-rules';
import { recordedDiscipline } from './discipline';
import { debitOutcome } from './outcome-view';
import { awaitsDebitAnswer, debitAnswerEntry } from './region-answer';
import { withImmediateRetries } from './immediate-retry';
import { parisDay } from '../../protocol/paris-time';

export interface OfflineContext {
  policy: { enabled: boolean; floorLimitCents: number; maxOfflineHours: number } | null;
  keysFetchedAt: string | null;
}

export interface DebitEngineDeps {
  journal: Journal;
  scans: ScanRegistry;
  store: DebitRequests;
  outbox: OutboxClaims;
  region: () => RegionClient;
  accreditations: () => readonly Category[];
  offline: () => OfflineContext;
  now: () => number;
  /** Pauses between immediate retries of an unknown outcome, while the cashier waits. */
  immediateRetryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  onOutcome?: (outcome: DebitOutcome) => void;
}

export class DebitEngine {
  constructor(private readonly deps: DebitEngineDeps) {}

  async submit(request: DebitRequest, cashierId: string): Promise<DebitOutcome> {
    const { journal, now } = this.deps;
    const scan = this.deps.scans.get(request.scanId);
    if (!scan) throw new TillError('SCAN_UNKNOWN');
    const nowMs = now();
    const wallet = walletOf(request.category);
    const offline = scan.source === 'offline';
    if (offline) {
      const ctx = this.deps.offline();
      const keysMs = ctx.keysFetchedAt === null ? null : Date.parse(ctx.keysFetchedAt);
      const refusal = firstOfflineRefusal({
        policy: ctx.policy,
        keysFetchedAtMs: Number.isFinite(keysMs) ? keysMs : null,
        nowMs,
        amountCents: request.amountCents,
      });
      if (refusal) throw new TillError(refusal.code, undefined, refusal.params);
    }
    const balanceCents = offline
      ? scan.balances[wallet] -
        journal.debits.offlineTotalFor(scan.beneficiaryId, wallet, {
          since: new Date(scan.iatMs).toISOString(),
        })
      : scan.balances[wallet];
    const refusal = firstRefusal({
      accreditations: this.deps.accreditations(),
      category: request.category,
      item: request.item,
      sessions: request.sessions,
      priceCents: request.priceCents,
      amountCents: request.amountCents,
      balanceCents,
      membership: scan.membership,
      season: scan.season,
      nowMs,
      tokenExpMs: scan.expMs,
      tokenUsedHere: journal.debits.isJtiUsed(scan.jti),
    });
    if (refusal) throw new TillError(refusal.code, undefined, refusal.params);
    const discipline = recordedDiscipline(request.item, request.discipline);

    const debitId = randomUUID();
    const occurredAt = new Date(nowMs).toISOString();
    const payload: { [k: string]: JsonValue } = {
      debitId,
      category: request.category,
      item: request.item,
      ...(request.sessions !== undefined ? { sessions: request.sessions } : {}),
      ...discipline,
      priceCents: request.priceCents,
      amountCents: request.amountCents,
      mode: offline ? 'offline' : 'online',
      jti: scan.jti,
      beneficiaryId: scan.beneficiaryId,
      occurredAt,
      tokenExp: Math.floor(scan.expMs / 1000),
    };
    // The token first (outside the chain: it names the youth), then the intent.
    this.deps.store.putToken(debitId, scan.token);
    if (offline) {
      journal.appendAll([
        { kind: 'DEBIT_REQUESTED', cashierId, at: occurredAt, payload },
        { kind: 'DEBIT_OFFLINE_ACCEPTED', cashierId, at: occurredAt, payload: { debitId } },
      ]);
      this.deps.scans.forget(scan.scanId);
      const outcome = debitOutcome(this.state(debitId));
      this.deps.onOutcome?.(outcome);
      this.deps.outbox.kick();
      return outcome;
    }
    const requested = journal.append({ kind: 'DEBIT_REQUESTED', cashierId, at: occurredAt, payload });
    // One token pays for one debit: the scan is spent whatever the answer.
    this.deps.scans.forget(scan.scanId);
    return this.send(requested, scan, cashierId);
  }

  get(debitId: string): DebitOutcome {
    return debitOutcome(this.state(debitId));
  }

  /**
   * A manager gives up on a pending debit: a void for its UUID is recorded (VOID_REQUESTED) and sent
   * until the Region confirms; if the Region never received the debit, that is its final state.
   */
  async abandon(debitId: string, cashierId: string): Promise<DebitOutcome> {
    const state = this.state(debitId);
    if (state.status === 'void_pending' || state.status === 'voided' || state.status === 'refused')
      return debitOutcome(state);
    if (state.status === 'accepted')
      throw new TillError('DEBIT_ALREADY_ACCEPTED', 'the Region accepted this debit: void it instead', {
        status: state.status,
      });
    return this.requestVoid(state, 'ABANDONED_UNKNOWN', cashierId);
  }

  /**
   * A manager voids an accepted (or offline-accepted) debit of today; the Region's window applies.
   * `authorisedBy`: the manager who typed their PIN on the cashier's session `cashierId` (an override).
   * `reason` is the code the chain keeps; `note`, free text, goes outside the chain (journal.voidNotes).
   */
  async voidDebit(
    debitId: string,
    reason: VoidReasonCode,
    cashierId: string,
    authorisedBy?: string,
    note?: string,
  ): Promise<DebitOutcome> {
    const state = this.state(debitId);
    if (state.status === 'voided' || state.status === 'void_pending') return debitOutcome(state);
    if (state.status !== 'accepted' && state.status !== 'offline_accepted') {
      throw new TillError(
        state.status === 'refused' ? 'DEBIT_NOT_VOIDABLE' : 'DEBIT_PENDING',
        `a ${state.status} debit cannot be voided`,
        { status: state.status },
      );
    }
    const nowMs = this.deps.now();
    // Region rule: until the end of the Paris business day of the debit. Said before anything is written.
    if (parisDay(Date.parse(state.occurredAt)) !== parisDay(nowMs)) {
      throw new TillError('VOID_WINDOW_CLOSED', `the debit is of ${parisDay(Date.parse(state.occurredAt))}`, {
        day: parisDay(Date.parse(state.occurredAt)),
      });
    }
    return this.requestVoid(state, reason, cashierId, authorisedBy, note);
  }

  private async requestVoid(
    state: DebitState,
    reason: VoidReasonCode,
    cashierId: string,
    authorisedBy?: string,
    note?: string,
  ): Promise<DebitOutcome> {
    const { journal, store } = this.deps;
    const voidId = randomUUID();
    if (note) journal.voidNotes.put({ voidId, debitId: state.debitId, note });
    const occurredAt = new Date(this.deps.now()).toISOString();
    // The Region hears whose authority the void is under; the journal keeps both the session and the authoriser.
    store.putVoid(voidId, {
      debitId: state.debitId,
      reason,
      occurredAt,
      cashierId: authorisedBy ?? cashierId,
    });
    journal.append({
      kind: 'VOID_REQUESTED',
      cashierId,
      at: occurredAt,
      payload: { debitId: state.debitId, voidId, reason, ...(authorisedBy ? { authorisedBy } : {}) },
    });
    // The outbox sends voids; one pass now so the manager sees the answer when the Region is there.
    this.deps.outbox.kick();
    const outcome = debitOutcome(this.state(state.debitId));
    this.deps.onOutcome?.(outcome);
    return outcome;
  }

  private state(debitId: string): DebitState {
    const state = this.deps.journal.debits.get(debitId);
    if (!state) throw new TillError('UNKNOWN_DEBIT', debitId);
    return state;
  }

  private async send(requested: JournalEntry, scan: ScannedPass, cashierId: string): Promise<DebitOutcome> {
    const { journal, outbox } = this.deps;
    const debitId = String(requested.payload.debitId);
    const sent = this.state(debitId);
    const body = debitBody(sent, scan.token);
    outbox.claim(debitId);
    let answer;
    try {
      answer = await withImmediateRetries(
        () => this.deps.region().postDebit(body),
        this.deps.immediateRetryDelaysMs,
        this.deps.sleep,
      );
    } finally {
      outbox.release(debitId);
    }
    const current = this.state(debitId);
    const entry = awaitsDebitAnswer(current) ? debitAnswerEntry(current, answer, cashierId) : null;
    if (entry) {
      journal.append(entry);
      this.deps.store.forget(debitId);
    } else if (answer.kind !== 'ok' && answer.kind !== 'refused' && current.status === 'requested') {
      journal.append({
        kind: 'DEBIT_UNKNOWN',
        cashierId,
        payload: {
          debitId,
          detail: answer.kind === 'retry' ? `HTTP ${answer.status}` : answer.detail.slice(0, 200),
        },
      });
      outbox.kick();
    }
    const outcome = debitOutcome(this.state(debitId));
    this.deps.onOutcome?.(outcome);
    return outcome;
  }
}
