// Keeps one core process running for its parent: Electron's main process (over utilityProcess.fork) or
// browser mode's host (over child_process.fork). It starts the core, restarts it after a crash with a
// bounded backoff, relays calls to it (browser mode), re-emits its events, answers its seal/open
// requests with the main process's cipher (Electron's safeStorage lives there only), and tells the shell
// when a new core is ready so every window gets a new port.
// A call in flight when the core dies is answered CORE_RESTARTED: the caller cannot know whether it ran,
// and a debit in that state is the outbox's to finish (it resends with the same idempotency key). A call
// made while the core is down waits for the next one (CORE_UNAVAILABLE if none comes in time).
import {
  TillError,
  type CallResult,
  type EventName,
  type Events,
  type TillErrorValue,
} from '../../preload/contract';
import type { PortCall } from '../../preload/contract/ipc';
import { EventBus } from '../core/event-bus';
import type { SecretCipher } from '../secrets/secret-store';
import { parseFromCore, type SecretAnswer, type SecretRequest } from './messages';

/** One running core, whichever runtime forked it. */
export interface CoreChild<Port = never> {
  readonly pid: number | undefined;
  post(message: unknown, ports?: readonly Port[]): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Ends the process without waiting (the clean path is the 'stop' message). */
  kill(): void;
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

export interface SupervisorOptions<Port> {
  launch: () => CoreChild<Port>;
  /** Where the core's events are re-emitted; a new bus when absent. */
  events?: EventBus;
  log?: Log;
  /** The main process's cipher, for the core's seal/open requests (Electron). */
  secrets?: SecretCipher;
  /** A new core is ready (generation counts them from 1): hand out ports. */
  onReady?: (generation: number) => void;
  /** The core is gone: ports to it are dead. */
  onDown?: () => void;
  /** Pauses before each successive restart; the last one repeats. */
  backoffMs?: readonly number[];
  /** A core that ran this long before dying restarts after the first pause again. */
  stableAfterMs?: number;
  /** How long a call made while the core is down waits for the next one. */
  queueTimeoutMs?: number;
  /** How long a clean stop may take before the core is killed. */
  stopTimeoutMs?: number;
}

const DEFAULT_BACKOFF_MS = [100, 500, 1_000, 2_000, 5_000] as const;

const coded = (code: TillErrorValue['code'], detail?: string): CallResult<never> => ({
  ok: false,
  error: detail ? { code, detail } : { code },
});

function isCallResult(value: unknown): value is CallResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

interface Queued {
  call: PortCall;
  answer: (result: CallResult<unknown>) => void;
  timer: NodeJS.Timeout;
}

export class CoreSupervisor<Port = never> {
  readonly events: EventBus;
  private child: CoreChild<Port> | null = null;
  private ready = false;
  private generation = 0;
  private crashes = 0;
  private restartAttempt = 0;
  private startedAt = 0;
  private nextId = 1;
  private readonly inFlight = new Map<number, (result: CallResult<unknown>) => void>();
  private readonly queue = new Map<number, Queued>();
  private startError: TillErrorValue | null = null;
  private sale = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private stopped: (() => void) | null = null;
  private readonly firstOutcome: Promise<void>;
  private settleFirst: () => void = () => undefined;
  private readonly log: Log;

  constructor(private readonly options: SupervisorOptions<Port>) {
    this.events = options.events ?? new EventBus();
    this.log = options.log ?? (() => undefined);
    this.firstOutcome = new Promise((resolve) => (this.settleFirst = resolve));
  }

  /** Starts the core; resolves once the first one is ready or has said why it cannot open the till. */
  start(): Promise<void> {
    this.spawn();
    return this.firstOutcome;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Which core is running: 1 for the first, one more after each restart. */
  get coreGeneration(): number {
    return this.generation;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** How many times a core died other than by stop(). */
  get crashCount(): number {
    return this.crashes;
  }

  /** Whether a sale is under way in the core (an open scan, a payment awaiting the Region). */
  saleInProgress(): boolean {
    return this.sale;
  }

  /** Posts to the running core (Electron: a 'connect' with a port); false when none is ready. */
  post(message: unknown, ports?: readonly Port[]): boolean {
    if (!this.child || !this.ready) return false;
    this.child.post(message, ports);
    return true;
  }

  /** A contract call relayed to the core (browser mode's HTTP host dispatches through this). */
  call(name: string, input: unknown): Promise<CallResult<unknown>> {
    if (this.stopping) return Promise.resolve(coded('CORE_UNAVAILABLE', 'stopping'));
    const call: PortCall = { kind: 'call', id: this.nextId++, name, input };
    if (this.child && this.ready) return this.send(call);
    if (this.startError) return Promise.resolve({ ok: false, error: this.startError });
    return new Promise((answer) => {
      const timer = setTimeout(() => {
        this.queue.delete(call.id);
        answer(coded('CORE_UNAVAILABLE'));
      }, this.options.queueTimeoutMs ?? 30_000);
      this.queue.set(call.id, { call, answer, timer });
    });
  }

  /** Stops the core cleanly (it journals SHUTDOWN) and does not restart it. */
  stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.failQueue(coded('CORE_UNAVAILABLE', 'stopping'));
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.log('core did not stop in time: killed', { pid: child.pid });
        child.kill();
      }, this.options.stopTimeoutMs ?? 5_000);
      this.stopped = () => {
        clearTimeout(timer);
        resolve();
      };
      child.post({ kind: 'stop' });
    });
  }

  private send(call: PortCall): Promise<CallResult<unknown>> {
    return new Promise((answer) => {
      this.inFlight.set(call.id, answer);
      this.child?.post(call);
    });
  }

  private spawn(): void {
    this.restartTimer = null;
    let child: CoreChild<Port>;
    try {
      child = this.options.launch();
    } catch (error) {
      this.log('core could not be started', { error: String(error) });
      this.scheduleRestart();
      return;
    }
    this.child = child;
    this.startedAt = Date.now();
    child.onMessage((message) => this.receive(child, message));
    child.onExit((code, signal) => this.exited(child, code, signal));
  }

  private receive(child: CoreChild<Port>, data: unknown): void {
    if (child !== this.child) return;
    const message = parseFromCore(data);
    if (!message) return this.log('core message ignored: unknown shape');
    switch (message.kind) {
      case 'ready':
        this.ready = true;
        this.generation += 1;
        this.startError = null;
        this.log('core ready', { pid: message.pid, generation: this.generation, crashes: this.crashes });
        for (const queued of this.queue.values()) {
          clearTimeout(queued.timer);
          void this.send(queued.call).then(queued.answer);
        }
        this.queue.clear();
        this.options.onReady?.(this.generation);
        this.settleFirst();
        return;
      case 'start-failed':
        this.startError = message.error;
        this.failQueue({ ok: false, error: message.error });
        this.settleFirst();
        return;
      case 'result': {
        const answer = this.inFlight.get(message.id);
        this.inFlight.delete(message.id);
        answer?.(
          isCallResult(message.result) ? message.result : coded('INTERNAL', 'malformed result from the core'),
        );
        return;
      }
      case 'event':
        this.events.emit(message.event as EventName, message.payload as Events[EventName]);
        return;
      case 'sale':
        this.sale = message.inProgress;
        return;
      case 'secret':
        child.post(this.answerSecret(message));
        return;
    }
  }

  private answerSecret(request: SecretRequest): SecretAnswer {
    const cipher = this.options.secrets;
    if (!cipher) return { kind: 'secret-answer', id: request.id, ok: false, code: 'INTERNAL' };
    try {
      const text = request.op === 'seal' ? cipher.encrypt(request.text) : cipher.decrypt(request.text);
      return {
        kind: 'secret-answer',
        id: request.id,
        ok: true,
        text,
        ...(cipher.protection ? { protection: cipher.protection } : {}),
      };
    } catch (error) {
      this.log('secret broker refused', { op: request.op, error: String(error) });
      return {
        kind: 'secret-answer',
        id: request.id,
        ok: false,
        code: error instanceof TillError ? error.code : 'DEVICE_SECRET_UNREADABLE',
      };
    }
  }

  private exited(child: CoreChild<Port>, code: number | null, signal: string | null): void {
    if (child !== this.child) return;
    this.child = null;
    this.ready = false;
    for (const answer of this.inFlight.values()) answer(coded('CORE_RESTARTED'));
    this.inFlight.clear();
    if (this.stopping) {
      this.log('core stopped', { code, signal });
      this.stopped?.();
      return;
    }
    const ranMs = Date.now() - this.startedAt;
    this.crashes += 1;
    this.log('core exited: restarting', { code, signal, ranMs, crashes: this.crashes });
    this.options.onDown?.();
    this.scheduleRestart(ranMs);
  }

  private scheduleRestart(ranMs = 0): void {
    const backoff = this.options.backoffMs ?? DEFAULT_BACKOFF_MS;
    if (ranMs >= (this.options.stableAfterMs ?? 60_000)) this.restartAttempt = 0;
    const delay = backoff[Math.min(this.restartAttempt, backoff.length - 1)] ?? 1_000;
    this.restartAttempt += 1;
    this.restartTimer = setTimeout(() => this.spawn(), delay);
  }

  private failQueue(result: CallResult<never>): void {
    for (const queued of this.queue.values()) {
      clearTimeout(queued.timer);
      queued.answer(result);
    }
    this.queue.clear();
  }
}
