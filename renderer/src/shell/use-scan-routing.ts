// Where a scan goes: the screen that asked for scans (useScanTarget), or `unclaimed` when none did. Both
// kinds of scanner arrive here: the keyboard wedge typing into the page, and USB HID devices read by the
// core and pushed as events.
import { useCallback, useEffect, useRef } from 'react';
import { useTill } from '../till-context';
import { createWedgeCapture } from '../scan/wedge-capture';
import { dedupeScans } from '../scan/dedupe';
import type { ScanInput, ScanTarget } from './shell-context';

/** Routes every scan; returns how a screen claims them (ShellApi.setScanTarget). */
export function useScanRouting(unclaimed: (scan: ScanInput) => void): (target: ScanTarget | null) => void {
  const till = useTill();
  const target = useRef<ScanTarget | null>(null);

  const route = useCallback(
    (scan: ScanInput) => {
      if (target.current) target.current(scan);
      else unclaimed(scan);
    },
    [unclaimed],
  );

  // Keyboard-wedge scanners type into the page: caught before any field sees the keys.
  useEffect(
    () =>
      createWedgeCapture(
        window,
        dedupeScans((scan) => {
          // The scan first: the statistics call must not queue ahead of the holder's card.
          route({ text: scan.text, source: 'wedge' });
          void till.invoke('scanner.report', {
            source: 'wedge',
            durationMs: scan.durationMs,
            chars: scan.text.length,
          });
        }),
      ),
    [till, route],
  );
  // USB HID scanners are read by the core and arrive as events.
  useEffect(
    () => till.on('scan', (event) => route({ text: event.text, source: event.source })),
    [till, route],
  );

  return useCallback((next: ScanTarget | null) => {
    target.current = next;
  }, []);
}
