// Reading a pass while the previous one is still being read: only the latest scan's answer may change the
// screen, so a slow answer for an earlier pass never replaces a newer card. useCall does not serve here: the
// screen needs the refusal's code itself (not a banner), and a stale answer must be dropped whole.
import { useCallback, useRef, useState } from 'react';
import type { CallResult, ScanOutcome } from '../../../preload/contract';
import { useTill } from '../till-context';
import type { ScanInput } from '../shell/shell-context';

export interface LatestScan {
  /** True from a scan until the latest scan's answer. */
  readonly scanning: boolean;
  /** The till's answer, or null when a newer scan started meanwhile. A transport that throws answers CORE_UNAVAILABLE. */
  scan(input: ScanInput): Promise<CallResult<ScanOutcome> | null>;
}

export function useLatestScan(): LatestScan {
  const till = useTill();
  const [scanning, setScanning] = useState(false);
  const latest = useRef(0);
  const scan = useCallback(
    async ({ text, source }: ScanInput): Promise<CallResult<ScanOutcome> | null> => {
      const mine = ++latest.current;
      setScanning(true);
      const result = await till
        .invoke('pass.scan', { text, source })
        .catch((): CallResult<ScanOutcome> => ({ ok: false, error: { code: 'CORE_UNAVAILABLE' } }));
      if (mine !== latest.current) return null;
      setScanning(false);
      return result;
    },
    [till],
  );
  return { scanning, scan };
}
