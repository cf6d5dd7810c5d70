import { describe, expect, it } from 'vitest';
import { HID_POS_COMPACT_LAYOUT } from '../../native/hid/pos-report';
import {
  HidScannerService,
  type HidScannerError,
  type ScanRead,
  type ScannerDevice,
} from '../../native/hid/scanner-service';
import { CaptureReplay, loadCapture } from './hid-replay';

function serviceFor(replay: CaptureReplay, extra: { platform?: string } = {}) {
  const scans: ScanRead[] = [];
  const errors: HidScannerError[] = [];
  const deviceLists: ScannerDevice[][] = [];
  const service = new HidScannerService({
    backend: replay,
    now: () => 1_759_500_000_000 + replay.clock,
    onScan: (s) => scans.push(s),
    onDevices: (d) => deviceLists.push(d),
    onError: (e) => errors.push(e),
    posLayouts: { '1eab:1a03': HID_POS_COMPACT_LAYOUT },
    platform: extra.platform ?? 'linux',
  });
  return { service, scans, errors, deviceLists };
}

describe('HidScannerService', () => {
  it('lists scanners only, not the mouse; keyboards only where the OS lets them be opened', () => {
    const linux = serviceFor(new CaptureReplay(loadCapture('pos-standard-pass.json')));
    expect(linux.service.list().map((d) => [d.path, d.kind])).toEqual([
      ['/dev/hidraw1', 'keyboard'],
      ['/dev/hidraw3', 'pos'],
    ]);
    const windows = serviceFor(new CaptureReplay(loadCapture('pos-standard-pass.json')), {
      platform: 'win32',
    });
    expect(windows.service.list().map((d) => d.path)).toEqual(['/dev/hidraw3']);
  });

  it('reads nothing until the partner selects a scanner, then yields the exact token with its timing', () => {
    const replay = new CaptureReplay(loadCapture('pos-standard-pass.json'));
    const { service, scans } = serviceFor(replay);
    service.poll();
    expect(replay.opens).toEqual([]);
    service.select('/dev/hidraw3');
    expect(service.list().find((d) => d.path === '/dev/hidraw3')).toMatchObject({
      selected: true,
      open: true,
    });
    replay.replay(() => service.poll());
    const last = replay.capture.events.at(-1)?.t ?? 0;
    expect(scans).toEqual([
      {
        text: replay.capture.expected[0],
        source: 'hid-pos',
        receivedAt: new Date(1_759_500_000_000 + last).toISOString(),
        durationMs: last,
      },
    ]);
    service.stop();
  });

  it('uses the vendor layout configured for the device', () => {
    const replay = new CaptureReplay(loadCapture('pos-compact-accents.json'));
    const { service, scans } = serviceFor(replay);
    service.select('/dev/hidraw5');
    replay.replay(() => service.poll());
    expect(scans.map((s) => s.text)).toEqual(replay.capture.expected);
  });

  it('decodes a keyboard-mode scanner read over HID', () => {
    const replay = new CaptureReplay(loadCapture('keyboard-boot-pass.json'));
    const { service, scans } = serviceFor(replay);
    service.select('/dev/hidraw4');
    replay.replay(() => service.poll());
    expect(scans).toMatchObject([{ text: replay.capture.expected[0], source: 'hid-keyboard' }]);
    expect(scans[0]?.durationMs).toBeGreaterThan(1000);
  });

  it('survives an unplug and reopens the same scanner when it comes back on another path', () => {
    const replay = new CaptureReplay(loadCapture('pos-replug.json'));
    const { service, scans, errors, deviceLists } = serviceFor(replay);
    service.select('/dev/hidraw3');
    replay.replay(() => service.poll());
    expect(scans.map((s) => s.text)).toEqual(replay.capture.expected);
    expect(replay.opens).toEqual(['/dev/hidraw3', '/dev/hidraw6']);
    expect(errors.map((e) => e.code)).toEqual(['DEVICE_LOST']);
    const posStates = deviceLists.map((list) =>
      list
        .filter((d) => d.kind === 'pos')
        .map((d) => `${d.path}:${d.open ? 'open' : 'closed'}`)
        .join(','),
    );
    expect(posStates).toEqual(
      expect.arrayContaining(['/dev/hidraw3:open', '/dev/hidraw3:closed', '', '/dev/hidraw6:open']),
    );
  });

  it('reports a failed open once, retries on each poll, and stops reading when deselected', () => {
    const replay = new CaptureReplay(loadCapture('pos-standard-pass.json'));
    const { service, scans, errors } = serviceFor(replay);
    const realOpen = replay.open.bind(replay);
    let refuse = true;
    replay.open = (path) => {
      if (refuse) throw new Error('EACCES');
      return realOpen(path);
    };
    service.select('/dev/hidraw3');
    service.poll();
    service.poll();
    expect(errors.map((e) => e.code)).toEqual(['OPEN_FAILED']);
    refuse = false;
    service.poll();
    expect(replay.opens).toEqual(['/dev/hidraw3']);
    service.select(null);
    replay.replay(() => service.poll());
    expect(scans).toEqual([]);
  });

  it('polls on its own once started and closes on stop', async () => {
    const replay = new CaptureReplay(loadCapture('pos-standard-pass.json'));
    const seen: ScannerDevice[][] = [];
    const service = new HidScannerService({
      backend: replay,
      onScan: () => undefined,
      onDevices: (d) => seen.push(d),
      pollMs: 5,
      platform: 'linux',
    });
    service.start();
    expect(seen).toHaveLength(1);
    service.select('/dev/hidraw3');
    // Its own poll, not this test, opens the chosen device: wait for that open, then stop.
    await expect.poll(() => replay.opens.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(service.list().find((d) => d.kind === 'pos')).toMatchObject({ selected: true, open: true });
    service.stop();
    expect(service.list().find((d) => d.kind === 'pos')).toMatchObject({ selected: true, open: false });
  });
});
