// The preload bridge (sandboxed): exposes the contract as window.till and nothing else. No Node, no
// ipcRenderer and no port leak to the page: only `invoke(name, input)` and `on(event, listener)`.
// Calls and events travel on a MessagePort to the till's core process, which the main process hands over
// on IPC_PORT at each load of the page (main/shell/core-link.ts):
// - calls made before a port arrives wait for it;
// - a new port (the core restarted) replaces the old one;
// - a port message without a port means the core died: calls sent on the dead port are answered
//   CORE_RESTARTED (they may or may not have run), later calls wait for the next port.
// Sandbox-safe: it imports only electron and ./contract/ipc (no zod, no node:*); the core validates every
// message it receives.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallName, CallResult, EventName, TillApi } from './contract';
import {
  EVENT_NAME_LIST,
  IPC_PORT,
  IPC_PRINT,
  IPC_PRINTERS,
  IPC_UPDATE_STATE,
  type PortCall,
} from './contract/ipc';

type Listener = (payload: unknown) => void;
/** What the preload uses of the page's MessagePort: its tsconfig has no DOM, so nothing else is reachable. */
interface CorePort {
  postMessage(message: PortCall): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const EVENTS: readonly string[] = EVENT_NAME_LIST;
const listeners = new Map<string, Set<Listener>>();
const inFlight = new Map<number, (result: CallResult<never>) => void>();
const waiting: { call: PortCall; answer: (result: CallResult<never>) => void }[] = [];
let port: CorePort | null = null;
let nextId = 1;

const restarted = (): CallResult<never> => ({ ok: false, error: { code: 'CORE_RESTARTED' } });

function receive(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const message = data as {
    kind?: unknown;
    id?: unknown;
    result?: unknown;
    event?: unknown;
    payload?: unknown;
  };
  if (message.kind === 'result' && typeof message.id === 'number') {
    const answer = inFlight.get(message.id);
    inFlight.delete(message.id);
    answer?.(message.result as CallResult<never>);
  } else if (
    message.kind === 'event' &&
    typeof message.event === 'string' &&
    EVENTS.includes(message.event)
  ) {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
  }
}

function send(target: CorePort, call: PortCall, answer: (result: CallResult<never>) => void): void {
  inFlight.set(call.id, answer);
  target.postMessage(call);
}

function adopt(next: CorePort | null): void {
  if (port) {
    port.onmessage = null;
    port.close();
  }
  for (const answer of inFlight.values()) answer(restarted());
  inFlight.clear();
  port = next;
  if (!next) return;
  // Assigning onmessage starts the port (HTML: "the onmessage setter … enables the port message queue").
  next.onmessage = (event) => receive(event.data);
  for (const { call, answer } of waiting.splice(0)) send(next, call, answer);
}

ipcRenderer.on(IPC_PORT, (event: IpcRendererEvent) => adopt(event.ports[0] ?? null));

const api: TillApi = {
  transport: 'electron',
  invoke: (name, input) =>
    new Promise((answer) => {
      const call: PortCall = { kind: 'call', id: nextId++, name: name as CallName, input };
      if (port) send(port, call, answer);
      else waiting.push({ call, answer });
    }),
  on: (event, listener) => {
    if (!EVENTS.includes(event as EventName)) return () => undefined;
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    listeners.set(event, set);
    return () => void set.delete(listener as Listener);
  },
};

contextBridge.exposeInMainWorld('till', api satisfies TillApi);

// The shell's broker (main/shell/shell.ts): a receipt printed silently on the counter's printer
// (webContents.print in the main process), the printers' names for Réglages, and the updater's state for
// À propos. Three functions, nothing else of ipcRenderer; the main process checks the page and the options.
contextBridge.exposeInMainWorld('tillShell', {
  print: (options: { deviceName: string | null; widthMm: 80 | 58 }) => ipcRenderer.invoke(IPC_PRINT, options),
  printers: () => ipcRenderer.invoke(IPC_PRINTERS),
  updateState: () => ipcRenderer.invoke(IPC_UPDATE_STATE),
});
