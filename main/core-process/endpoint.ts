// The lowest boundary of the core process: whatever carries its messages, seen as one small Endpoint.
// - In Electron's utility process, the parent is `process.parentPort`, a global the runtime defines
//   (electron/electron lib/utility/init.ts: `Object.defineProperty(process, 'parentPort', …)`; the class in
//   lib/utility/parent-port.ts). Its 'message' events are `{ data, ports }`, the ports wrapped as
//   MessagePortMain (lib/browser/message-port-main.ts), and it starts delivering when the first 'message'
//   listener is added (init.ts, `newListener` → `parentPort.start()`). A MessagePortMain also emits
//   `{ data, ports }`, but only after `start()`, and 'close' when its other end goes away.
// - Under Node (`child_process.fork`), the parent is the IPC channel: `process.on('message', data)` with
//   the bare value, `process.send(data)`, and 'disconnect' when the parent is gone. No ports cross it.
// Nothing here imports electron: the shapes are described structurally and the real objects are handed in.

export interface Endpoint {
  post(message: unknown): void;
  /** `ports` are the endpoints transferred with the message (Electron only; always empty under Node). */
  onMessage(listener: (data: unknown, ports: readonly Endpoint[]) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/** Electron's MessageEvent as MessagePortMain and parentPort emit it. */
export interface MainMessageEvent {
  data: unknown;
  ports: MessagePortMainLike[];
}

/** The part of Electron's MessagePortMain the core uses (docs/api/message-port-main.md). */
export interface MessagePortMainLike {
  on(event: 'message', listener: (event: MainMessageEvent) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
  postMessage(message: unknown): void;
}

/** The part of Electron's `process.parentPort` the core uses (docs/api/parent-port.md). */
export interface ParentPortLike {
  on(event: 'message', listener: (event: MainMessageEvent) => void): unknown;
  postMessage(message: unknown): void;
}

/** The part of Node's `process` a forked child uses to talk to its parent. */
export interface ForkedProcessLike {
  send?: (message: unknown) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  disconnect?: () => void;
}

/** A port a renderer holds the other end of. */
export function mainPortEndpoint(port: MessagePortMainLike): Endpoint {
  let started = false;
  return {
    post: (message) => port.postMessage(message),
    onMessage(listener) {
      port.on('message', (event) => listener(event.data, event.ports.map(mainPortEndpoint)));
      // A MessagePortMain queues messages until started; start once a listener is there to take them.
      if (!started) {
        started = true;
        port.start();
      }
    },
    onClose: (listener) => void port.on('close', listener),
    close: () => port.close(),
  };
}

/** Electron's parentPort: it has no 'close' (the utility process dies with the main process). */
export function parentPortEndpoint(parentPort: ParentPortLike): Endpoint {
  return {
    post: (message) => parentPort.postMessage(message),
    onMessage: (listener) =>
      void parentPort.on('message', (event) => listener(event.data, event.ports.map(mainPortEndpoint))),
    onClose: () => undefined,
    close: () => undefined,
  };
}

/** Node's fork IPC channel. A send after the parent left throws: the core is closing then, nothing to say. */
export function forkChannelEndpoint(proc: ForkedProcessLike): Endpoint {
  const send = proc.send;
  if (!send)
    throw new Error('core process: started without an IPC channel (fork it, or run it as a utility process)');
  return {
    post(message) {
      try {
        send.call(proc, message);
      } catch (error) {
        // The parent left (the 'disconnect' listener shuts the core down); anything else is the caller's.
        if ((error as { code?: unknown }).code !== 'ERR_IPC_CHANNEL_CLOSED') throw error;
      }
    },
    onMessage: (listener) => void proc.on('message', (message) => listener(message, [])),
    onClose: (listener) => void proc.on('disconnect', listener),
    close: () => proc.disconnect?.(),
  };
}

/** The core's parent, whichever runtime started it: Electron's parentPort when present, else Node's fork channel. */
export function parentEndpoint(proc: ForkedProcessLike & { parentPort?: ParentPortLike }): Endpoint {
  return proc.parentPort ? parentPortEndpoint(proc.parentPort) : forkChannelEndpoint(proc);
}
