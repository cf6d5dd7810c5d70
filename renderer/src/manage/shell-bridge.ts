// What the Electron preload exposes besides the contract (preload/preload.ts, `tillShell`): the shell's
// print broker and its updater's state. Absent in a browser, where the page prints with window.print() and
// there is no updater.
import type { UpdateStateView } from '../../../preload/contract';

export interface TillShellApi {
  print(options: { deviceName: string | null; widthMm: 80 | 58 }): Promise<{ ok: boolean; reason?: string }>;
  printers(): Promise<{ name: string; displayName: string }[]>;
  /** null until the updater has started. */
  updateState(): Promise<UpdateStateView | null>;
}

declare global {
  interface Window {
    tillShell?: TillShellApi;
  }
}

export const tillShell = (): TillShellApi | undefined => window.tillShell;
