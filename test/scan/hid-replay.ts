// Replays a recorded HID capture through the service's lowest boundary: a stand-in for node-hid's
// devices() and HID.HID that delivers the recorded reports, unplugs and replugs, on a virtual clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HidBackend, HidDeviceInfo, HidDeviceLike } from '../../native/hid/backend';
import { bytesOf, hidCaptureSchema, type HidCapture } from '../../scripts/fixtures/hid-capture-format';

export const HID_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'hid');

export function loadCapture(name: string): HidCapture {
  return hidCaptureSchema.parse(JSON.parse(readFileSync(join(HID_FIXTURES, name), 'utf8')));
}

/** A mouse and the laptop's own keyboard sit on every bus: the service must tell scanners apart from them. */
const BYSTANDERS: HidDeviceInfo[] = [
  {
    vendorId: 0x046d,
    productId: 0xc077,
    path: '/dev/hidraw0',
    product: 'USB Optical Mouse',
    release: 0x7200,
    interface: 0,
    usagePage: 0x01,
    usage: 0x02,
  },
  {
    vendorId: 0x046d,
    productId: 0xc31c,
    path: '/dev/hidraw1',
    product: 'USB Keyboard',
    release: 0x6400,
    interface: 0,
    usagePage: 0x01,
    usage: 0x06,
  },
];

class ReplayDevice implements HidDeviceLike {
  private dataListeners: Array<(r: Uint8Array) => void> = [];
  private errorListeners: Array<(e: unknown) => void> = [];
  closed = false;
  on(event: 'data', listener: (report: Uint8Array) => void): this;
  on(event: 'error', listener: (err: unknown) => void): this;
  on(event: 'data' | 'error', listener: ((r: Uint8Array) => void) | ((e: unknown) => void)): this {
    if (event === 'data') this.dataListeners.push(listener as (r: Uint8Array) => void);
    else this.errorListeners.push(listener as (e: unknown) => void);
    return this;
  }
  close(): void {
    this.closed = true;
  }
  emitData(report: Uint8Array): void {
    if (!this.closed) for (const l of this.dataListeners) l(report);
  }
  emitError(err: unknown): void {
    for (const l of this.errorListeners) l(err);
  }
}

export class CaptureReplay implements HidBackend {
  clock = 0;
  opens: string[] = [];
  private present: boolean = true;
  private path: string;
  private device: ReplayDevice | null = null;

  constructor(readonly capture: HidCapture) {
    this.path = capture.device.path;
  }

  devices(): HidDeviceInfo[] {
    return this.present ? [...BYSTANDERS, { ...this.capture.device, path: this.path }] : [...BYSTANDERS];
  }

  open(path: string): HidDeviceLike {
    if (!this.present || path !== this.path) throw new Error(`could not open HID device at ${path}`);
    this.opens.push(path);
    this.device = new ReplayDevice();
    return this.device;
  }

  /** Hand one report to the open device, as node-hid's 'data' event does. */
  deliver(report: Uint8Array): void {
    this.device?.emitData(report);
  }

  /** Play every event in order; `poll` stands for the service's hot-plug timer after plug changes. */
  replay(poll: () => void, onEvent?: (index: number) => void): void {
    this.capture.events.forEach((e, i) => {
      this.clock = e.t;
      if (e.type === 'report') this.device?.emitData(bytesOf(e.hex));
      else if (e.type === 'unplug') {
        this.present = false;
        const d = this.device;
        this.device = null;
        d?.emitError(new Error('could not read from HID device'));
        poll();
      } else {
        this.present = true;
        this.path = e.path;
        poll();
      }
      onEvent?.(i);
    });
  }
}
