// From the last HID report of a bar code to the parsed token: the service's reassembly and decoding plus
// the token parser, replayed through the device boundary with recorded captures, on the real clock.
import { HID_POS_COMPACT_LAYOUT } from '../native/hid/pos-report';
import { HidScannerService } from '../native/hid/scanner-service';
import { decodeToken } from '../protocol/pass-token';
import { bytesOf } from '../scripts/fixtures/hid-capture-format';
import { CaptureReplay, loadCapture } from '../test/scan/hid-replay';
import { percentile, type Figure } from './figure';

interface Replayable {
  name: string;
  path: string;
}

function measure(capture: Replayable, runs: number): number[] {
  const samples: number[] = [];
  const replay = new CaptureReplay(loadCapture(capture.name));
  const reports = replay.capture.events.flatMap((e) => (e.type === 'report' ? [bytesOf(e.hex)] : []));
  let lastReportAt = 0;
  const service = new HidScannerService({
    backend: replay,
    platform: 'linux',
    posLayouts: { '1eab:1a03': HID_POS_COMPACT_LAYOUT },
    onScan: (scan) => {
      const parsed = decodeToken(scan.text);
      if (!parsed.ok) throw new Error(`${capture.name}: token did not parse (${parsed.reason})`);
      samples.push(performance.now() - lastReportAt);
    },
  });
  service.select(capture.path);
  // The report that completes a bar code (the last slice, or Enter) is the one the scan follows.
  for (let i = 0; i < runs; i++) {
    for (const r of reports) {
      lastReportAt = performance.now();
      replay.deliver(r);
    }
  }
  service.stop();
  return samples;
}

export default async function run(ctx: { quick: boolean }): Promise<Figure[]> {
  const runs = ctx.quick ? 200 : 2000;
  const pos = measure({ name: 'pos-standard-pass.json', path: '/dev/hidraw3' }, runs);
  const keyboard = measure({ name: 'keyboard-boot-pass.json', path: '/dev/hidraw4' }, Math.ceil(runs / 4));
  if (pos.length !== runs) throw new Error(`hid bench: ${pos.length} of ${runs} POS replays yielded a token`);
  return [
    { name: 'hid.last_report_to_token_ms', value: percentile(pos, 50), unit: 'ms' },
    { name: 'hid.last_report_to_token_ms.p99', value: percentile(pos, 99), unit: 'ms' },
    { name: 'hid.keyboard.last_report_to_token_ms', value: percentile(keyboard, 50), unit: 'ms' },
  ];
}
