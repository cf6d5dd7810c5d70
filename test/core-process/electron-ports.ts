// Electron's main-process message ports, reproduced on Node's worker_threads ports so the core's code runs
// against the semantics it meets in a utility process, read from electron/electron:
// - lib/browser/message-port-main.ts: MessagePortMain is an EventEmitter whose 'message' events are
//   `{ data, ports }` (received ports wrapped as MessagePortMain again), with start(), close() and
//   postMessage(); its messages wait until start() (docs/api/message-port-main.md); 'close' fires when the
//   other end is gone.
// - lib/utility/parent-port.ts and lib/utility/init.ts: `process.parentPort` is an EventEmitter with the
//   same `{ data, ports }` events and postMessage(); it starts delivering when the first 'message' listener
//   is added, and pauses when the last one goes.
// - lib/browser/api/utility-process.ts: the main process's child.postMessage(message, [ports]) transfers
//   the ports; child.on('message', data) gets the bare value the child posted.
import { EventEmitter } from 'node:events';
import type { MessagePort as NodePort } from 'node:worker_threads';

/** What crosses the thread boundary for one parentPort message: the value and the transferred ports. */
export interface Envelope {
  data: unknown;
  ports: NodePort[];
}

export class FakeMessagePortMain extends EventEmitter {
  private started = false;
  /** The Node port underneath: what a transfer hands to the other thread. */
  constructor(readonly port: NodePort) {
    super();
    port.on('close', () => this.emit('close'));
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    // A Node port starts delivering when it gets a 'message' listener: that is when Electron's start() is.
    this.port.on('message', (data: unknown) => this.emit('message', { data, ports: [] }));
  }

  close(): void {
    this.port.close();
  }

  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }
}

export class FakeParentPort extends EventEmitter {
  private delivering = false;
  constructor(private readonly channel: NodePort) {
    super();
    this.on('newListener', (name: string) => {
      if (name === 'message' && this.listenerCount('message') === 0) this.start();
    });
  }

  private start(): void {
    if (this.delivering) return;
    this.delivering = true;
    this.channel.on('message', (envelope: Envelope) => {
      this.emit('message', {
        data: envelope.data,
        ports: envelope.ports.map((p) => new FakeMessagePortMain(p)),
      });
    });
  }

  postMessage(message: unknown): void {
    this.channel.postMessage(message);
  }
}
