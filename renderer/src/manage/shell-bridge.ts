// What the Electron preload exposes besides the contract (preload/preload.ts, `tillShell`): the shell's
// print broker and its updater's state. Absent in a browser, where the page prints with window.print() and
// there is no updater.
export type ShellUpdateState =
  | { status: 'disabled'; reason: string }
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'downloading'; version: string }
  | { status: 'ready'; version: string }
  | { status: 'failed'; code: string; detail: string };

export interface TillShellApi {
  print(options: { deviceName: string | null; widthMm: 80 | 58 }): Promise<{ ok: boolean; reason?: string }>;
  printers(): Promise<{ name: string; displayName: string }[]>;
  /** null until the updater has started. */
  updateState(): Promise<ShellUpdateState | null>;
}

declare global {
  interface Window {
    tillShell?: TillShellApi;
  }
}

export const tillShell = (): TillShellApi | undefined => window.tillShell;
