// Electron channel names, event names and the messages that cross the MessagePort between the renderer and the
// core's utility process. Shared by the preload bridge, the shell and the core process entry.
// Kept free of schemas and imports so the sandboxed preload bundle stays tiny.
/**
 * The main process hands the renderer one end of a MessageChannelMain on this channel
 * (`webContents.postMessage(IPC_PORT, null, [port])`), and the core process the other end. A new port arrives
 * after the core process restarts: the preload switches to it.
 */
export const IPC_PORT = 'till:port';
/** The shell's broker (main/shell/shell.ts): a receipt printed silently on a system printer, the printers' names. */
export const IPC_PRINT = 'till:print';
export const IPC_PRINTERS = 'till:printers';
/** The shell's updater state, for the À propos screen (main/shell/updater.ts UpdateState). */
export const IPC_UPDATE_STATE = 'till:update-state';
export const EVENT_NAME_LIST = ['scan', 'status', 'debit', 'progress', 'update'] as const;

/** Renderer → core, over the port. `id` pairs the answer with the call. */
export interface PortCall {
  kind: 'call';
  id: number;
  name: string;
  input: unknown;
}

/** Core → renderer: the answer to one call (a CallResult), or an event. */
export type PortReply =
  { kind: 'result'; id: number; result: unknown } | { kind: 'event'; event: string; payload: unknown };
