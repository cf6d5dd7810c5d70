// The outbox: sends, in request order, everything the Region has not confirmed (journal.debits
// .awaitingRegion(): pending and unknown debits, offline-accepted debits, coupon redemptions, voids)
// and the check-ins still unanswered, across restarts, since the list is a view over the durable journal.
// Each definite answer becomes a journal entry before anyone is told. An unknown outcome, a 5xx or a
// 429/503 stops the pass and the next one waits, exponentially longer, with jitter, and never less than
// the Region's Retry-After.
import type { DebitState, Journal } from '../journal/journal';
import type { RegionClient } from '../region/client';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { isSkewWorthRecording, measureSkew } from './clock-check';
import { sendAwaiting, type SendResult } from '../debit/region-request';
import type { PendingCheckin, RequestStore } from './request-store';
import { checkinAnswerEntry } from './checkin-answer';

export interface OutboxDeps {
  journal: Journal;
  store: RequestStore;
  /** The authenticated client, or null before enrolment (the outbox then idles). */
  region: () => RegionClient | null;
  now: () => number;
  /** A debit's state after the answer was recorded. */
  onAnswered?: (state: DebitState) => void;
  /** Once per recorded chunk of answers (status refresh: cheaper than once per debit). */
  onRecorded?: () => void;
  /** Whether the Region answered (definitely) the last request. */
  onReachability?: (online: boolean) => void;
  onClockSkew?: (skewMs: number) => void;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** After a pass that sent something and left nothing awaiting: the moment to reconcile with the Region. */
  onSynced?: () => Promise<void>;
  backoff?: BackoffPolicy;
  /** Pause between passes when nothing failed (new work also kicks the loop). */
  idleMs?: number;
  /** How often the Region's clock is compared with ours. */
  clockCheckEveryMs?: number;
  /** Fetches the Region's keys and offline policy again (so offline acceptance keeps fresh keys). */
  refreshKeys?: () => Promise<void>;
  refreshKeysEveryMs?: number;
  /** Requests in flight at once; answers are still recorded in request order. */
  concurrency?: number;
  random?: () => number;
}

export interface PassReport {
  answered: number;
  /** Set when the pass stopped on an unknown outcome or a Retry-After. */
  blocked: { retryAfterMs?: number } | null;
}

/** What still awaits the Region: debits (and their voids) the journal lists, and unanswered check-ins. */
export function countAwaitingRegion(journal: Journal, store: RequestStore): number {
  return journal.debits.countAwaitingRegion() + store.countPendingCheckins();
}

/** Requests on the wire at once by default: enough to keep the Region's group commit fed. */
export const DEFAULT_CONCURRENCY = 32;

type Settled = SendResult | { kind: 'failed'; error: unknown };

/** Two blocks seen in one pass: wait for the longer Retry-After. */
function worstBlock(a: PassReport['blocked'], b: PassReport['blocked']): PassReport['blocked'] {
  if (!a || !b) return a ?? b;
  const retryAfterMs = Math.max(a.retryAfterMs ?? 0, b.retryAfterMs ?? 0);
  return retryAfterMs > 0 ? { retryAfterMs } : {};
}

const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export class Outbox {
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private stopped = true;
  /** Set by stop(): the journal may be closing, so late answers are left for the next start. */
  private closed = false;
  private lastClockCheck = -Infinity;
  private lastKeysRefresh: number;
  private lastSkewRecorded: number | null = null;

  constructor(private readonly deps: OutboxDeps) {
    // The till refreshes keys as it starts; the loop takes over from there.
    this.lastKeysRefresh = deps.now();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.closed = false;
    this.schedule(0);
  }

  /** Stops the loop; an answer arriving after this is not recorded (it is resent at the next start). */
  stop(): void {
    this.stopped = true;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Something new awaits the Region: send it now, unless the loop is backing off from a failure. */
  kick(): void {
    if (!this.stopped && this.failures === 0) this.schedule(0);
  }

  /** The engine sends a debit itself while the cashier waits: the outbox keeps its hands off it. */
  claim(id: string): void {
    this.inFlight.add(id);
  }

  release(id: string): void {
    this.inFlight.delete(id);
  }

  /** What still awaits the Region (debits and check-ins). */
  remaining(): number {
    return countAwaitingRegion(this.deps.journal, this.deps.store);
  }

  /**
   * Sends until nothing awaits, or `timeoutMs` passes; returns what still awaits. Pauses between
   * blocked passes follow the backoff, capped at `maxPauseMs` (tests keep them short).
   */
  async drain(opts: { timeoutMs?: number; maxPauseMs?: number } = {}): Promise<number> {
    const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
    let failures = 0;
    for (;;) {
      const report = await this.runPass();
      const left = this.remaining();
      if (left === 0 || Date.now() >= deadline) return left;
      if (report.blocked) failures += 1;
      else if (report.answered === 0) failures += 1;
      else failures = 0;
      const pause =
        failures === 0
          ? 0
          : backoffDelayMs(
              failures,
              this.policy(),
              this.deps.random ?? Math.random,
              report.blocked?.retryAfterMs,
            );
      await sleep(Math.min(pause, opts.maxPauseMs ?? 1000, Math.max(0, deadline - Date.now())));
    }
  }

  /** Compares clocks with the Region; records CLOCK_SKEW when off by more than a minute. */
  async checkClock(): Promise<number | null> {
    const region = this.deps.region();
    if (!region) return null;
    this.lastClockCheck = this.deps.now();
    const sample = await measureSkew(() => region.health(), this.deps.now);
    if (!sample || this.closed) return null;
    this.deps.onClockSkew?.(sample.skewMs);
    if (isSkewWorthRecording(sample.skewMs, this.lastSkewRecorded)) {
      this.lastSkewRecorded = sample.skewMs;
      this.deps.journal.append({
        kind: 'CLOCK_SKEW',
        cashierId: null,
        payload: { skewMs: sample.skewMs, regionTime: sample.regionTime },
      });
    }
    return sample.skewMs;
  }

  /** One pass, never two at once (the background loop and drain() share this). */
  runPass(): Promise<PassReport> {
    const next = this.chain.then(() => this.pass());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private policy(): BackoffPolicy {
    return this.deps.backoff ?? DEFAULT_BACKOFF;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    // The loop must not keep a test runner or a CLI alive on its own.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    let pause: number;
    try {
      if (this.deps.now() - this.lastClockCheck >= (this.deps.clockCheckEveryMs ?? 10 * 60_000))
        await this.checkClock();
      if (
        this.deps.refreshKeys &&
        this.deps.now() - this.lastKeysRefresh >= (this.deps.refreshKeysEveryMs ?? 3_600_000)
      ) {
        this.lastKeysRefresh = this.deps.now();
        await this.deps.refreshKeys();
      }
      const report = await this.runPass();
      if (report.blocked) {
        this.failures += 1;
        pause = backoffDelayMs(
          this.failures,
          this.policy(),
          this.deps.random ?? Math.random,
          report.blocked.retryAfterMs,
        );
      } else {
        this.failures = 0;
        pause = this.deps.idleMs ?? 30_000;
        if (report.answered > 0 && this.remaining() === 0) await this.deps.onSynced?.();
      }
    } catch (error) {
      // A full disk or a broken journal: keep trying, slowly; the status shows the pending count.
      this.failures += 1;
      this.deps.log?.('outbox pass failed', { error: String(error) });
      pause = backoffDelayMs(this.failures, this.policy(), this.deps.random ?? Math.random);
    }
    if (!this.stopped && this.timer === null) this.schedule(pause);
  }

  private async pass(): Promise<PassReport> {
    const region = this.deps.region();
    if (!region || this.closed) return { answered: 0, blocked: null };
    const sent = await this.sendDebits(region);
    if (sent.blocked) return sent;
    let answered = sent.answered;
    for (const checkin of this.deps.store.pendingCheckins()) {
      if (this.inFlight.has(checkin.checkinId)) continue;
      const blocked = await this.sendCheckin(region, checkin);
      if (blocked) return { answered, blocked };
      answered += 1;
    }
    return { answered, blocked: null };
  }

  /**
   * A sliding window: up to `concurrency` requests on the wire, launched in request order, topped up as
   * answers come back, so the Region is never left idle while the till writes. Answers are recorded in
   * request order: each time, the longest answered run at the head of the queue goes to the journal in
   * one transaction (runs grow by themselves while a write is syncing). A block (an unknown outcome, a
   * Retry-After) stops the launches; what is already on the wire is awaited and its definite answers
   * recorded too, since the Region may have acted on them.
   */
  private async sendDebits(region: RegionClient): Promise<PassReport> {
    const width = Math.max(1, this.deps.concurrency ?? DEFAULT_CONCURRENCY);
    const queue = this.deps.journal.debits.awaitingRegion().filter((s) => !this.inFlight.has(s.debitId));
    const results: (Settled | undefined)[] = new Array<Settled | undefined>(queue.length);
    let launched = 0;
    let recorded = 0;
    let flying = 0;
    let answered = 0;
    let blocked: PassReport['blocked'] = null;
    let wake: (() => void) | null = null;
    const launch = (i: number) => {
      const state = queue[i]!;
      this.inFlight.add(state.debitId);
      flying += 1;
      sendAwaiting(state, region, this.deps.store)
        .then(
          (result): Settled => result,
          (error: unknown): Settled => ({ kind: 'failed', error }),
        )
        .then((settled) => {
          results[i] = settled;
          this.inFlight.delete(state.debitId);
          flying -= 1;
          wake?.();
        });
    };
    for (;;) {
      while (blocked === null && !this.closed && flying < width && launched < queue.length)
        launch(launched++);
      let end = recorded;
      while (end < launched && results[end] !== undefined) end += 1;
      if (end > recorded) {
        const run = results.slice(recorded, end) as Settled[];
        const failure = run.findIndex((r) => r.kind === 'failed');
        const definite = (failure === -1 ? run : run.slice(0, failure)) as SendResult[];
        const block = this.recordDebits(queue.slice(recorded, recorded + definite.length), definite);
        answered += definite.filter((r) => r.kind === 'answered').length;
        blocked = worstBlock(blocked, block);
        if (failure !== -1) throw (run[failure] as { error: unknown }).error;
        recorded = end;
        continue;
      }
      if (flying === 0 && (blocked !== null || this.closed || launched === queue.length)) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      // Woken by the first answer of a burst: let the rest of the burst's sockets be read first, so one
      // synced write records them all (a write per answer would make the disk the bottleneck).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return { answered, blocked };
  }

  /** Records a run of definite answers in one transaction; returns the block, if any request had one. */
  private recordDebits(chunk: readonly DebitState[], results: readonly SendResult[]): PassReport['blocked'] {
    const { journal, store } = this.deps;
    if (this.closed) return null;
    let blocked = null as PassReport['blocked'];
    const entries = [];
    const forget: string[] = [];
    const touched: string[] = [];
    for (let k = 0; k < chunk.length; k += 1) {
      const sent = chunk[k]!;
      const r = results[k]!;
      if (r.kind === 'retry')
        blocked = { retryAfterMs: Math.max(blocked?.retryAfterMs ?? 0, r.retryAfterMs) };
      else if (r.kind === 'unknown') blocked ??= {};
      else if (r.kind === 'stuck')
        this.deps.log?.('outbox cannot send', { debitId: sent.debitId, detail: r.detail });
      if (r.kind !== 'answered') continue;
      // Something else was recorded about this debit while the request flew (a void asked for, the
      // engine's own answer): this answer is stale; the next pass asks again with the right request.
      if (journal.debits.get(sent.debitId)?.lastSeq !== sent.lastSeq) continue;
      if (r.entry) entries.push(r.entry);
      forget.push(...r.forget);
      touched.push(sent.debitId);
    }
    this.deps.onReachability?.(blocked === null || entries.length > 0);
    if (entries.length > 0) {
      try {
        journal.appendAll(entries);
      } catch (error) {
        // One bad entry must not hold back the others: record them one by one, and say which failed.
        for (const e of entries) {
          try {
            journal.append(e);
          } catch (single) {
            this.deps.log?.('outbox could not record an answer', {
              kind: e.kind,
              error: String(single ?? error),
            });
          }
        }
      }
    }
    if (forget.length > 0) store.forget(...forget);
    for (const id of touched) {
      const state = journal.debits.get(id);
      if (state) this.deps.onAnswered?.(state);
    }
    if (touched.length > 0) this.deps.onRecorded?.();
    return blocked;
  }

  private async sendCheckin(region: RegionClient, c: PendingCheckin): Promise<PassReport['blocked']> {
    this.inFlight.add(c.checkinId);
    let answer;
    try {
      answer = await region.checkin(c.offerId, { id: c.checkinId, token: c.token, occurredAt: c.occurredAt });
    } finally {
      this.inFlight.delete(c.checkinId);
    }
    if (answer.kind === 'retry') return { retryAfterMs: answer.retryAfterMs };
    if (answer.kind === 'unknown') return {};
    if (this.closed) return null;
    const entry = checkinAnswerEntry(c.checkinId, c.offerId, answer);
    if (entry) this.deps.journal.append(entry);
    this.deps.store.forget(c.checkinId);
    this.deps.onRecorded?.();
    return null;
  }
}
