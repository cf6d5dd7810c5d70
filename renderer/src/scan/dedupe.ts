// One physical scan can arrive twice (a scanner's double read, a QR code that stays in front of the
// webcam, the same scanner seen over HID and as typed keys): the same text within the window is one scan.

export interface ScanDeduper {
  /** Whether this text is a new scan at `atMs`. Each sighting extends the window, so a code held still is read once. */
  accept(text: string, atMs?: number): boolean;
}

export function createScanDeduper(windowMs = 1000, now: () => number = () => Date.now()): ScanDeduper {
  let lastText: string | null = null;
  let lastSeen = Number.NEGATIVE_INFINITY;
  return {
    accept(text, atMs = now()) {
      const repeat = text === lastText && atMs - lastSeen < windowMs;
      lastText = text;
      lastSeen = atMs;
      return !repeat;
    },
  };
}

/** Wrap a scan handler so that repeats within the window are dropped. */
export function dedupeScans<S extends { text: string }>(
  onScan: (scan: S) => void,
  windowMs = 1000,
  now?: () => number,
): (scan: S) => void {
  const deduper = createScanDeduper(windowMs, now);
  return (scan) => {
    if (deduper.accept(scan.text)) onScan(scan);
  };
}
