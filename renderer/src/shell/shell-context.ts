// What every screen after login shares: the till's status, the beeps, and the scan routing (a scan goes to
// the screen that asked for it: passes at the counter, coupons on the coupons screen, check-ins on offers).
import { createContext, useContext, useEffect, useRef } from 'react';
import type { ScanSource, SettingsView, TillStatus } from '../../../preload/contract';
import type { Beep } from '../sound/beeps';

export interface ScanInput {
  text: string;
  source: ScanSource;
}

export type ScanTarget = (scan: ScanInput) => void;

export interface ShellApi {
  status: TillStatus;
  refreshStatus(): void;
  beep(beep: Beep): void;
  setScanTarget(target: ScanTarget | null): void;
  isManager: boolean;
  /** Settings just saved take effect at once (sounds on or off). */
  applySettings(settings: SettingsView): void;
}

export const ShellContext = createContext<ShellApi | null>(null);

export function useShell(): ShellApi {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('ShellContext missing');
  return shell;
}

/** While the calling screen is mounted, scans go to `handler` (always its latest version). */
export function useScanTarget(handler: ScanTarget): void {
  const shell = useShell();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    shell.setScanTarget((scan) => latest.current(scan));
    return () => shell.setScanTarget(null);
  }, [shell.setScanTarget]);
}
