// USB scanners over HID: enumeration, the partner's choice, hot-plug by polling, reopening after an
// unplug, and turning each device's reports into scans. Decoding itself lives in pure modules.
import { nodeHidBackend, type HidBackend, type HidDeviceInfo, type HidDeviceLike } from './backend';
import { createBootKeyboardDecoder, type BootKeyboardDecoderOptions } from './boot-keyboard';
import { createPosAssembler, HID_POS_STANDARD_LAYOUT, type PosLayout } from './pos-report';
import { hidPlatformSupport } from './platform';

export const USAGE_PAGE_POS_BARCODE = 0x8c;
export const USAGE_PAGE_GENERIC_DESKTOP = 0x01;
export const USAGE_KEYBOARD = 0x06;

export type HidScanSource = 'hid-pos' | 'hid-keyboard';

export interface ScanRead {
  text: string;
  source: HidScanSource;
  /** When the last report arrived, ISO 8601. */
  receivedAt: string;
  /** From the first to the last report of this bar code: how fast the scanner delivers. */
  durationMs: number;
}

export interface ScannerDevice {
  path: string;
  kind: 'pos' | 'keyboard';
  vendorId: number;
  productId: number;
  product: string | null;
  manufacturer: string | null;
  serialNumber: string | null;
  selected: boolean;
  /** The device is open and being read. */
  open: boolean;
}

export type HidScannerErrorCode = 'OPEN_FAILED' | 'DEVICE_LOST' | 'ENUMERATION_FAILED' | 'DECODE_FAILED';

export interface HidScannerError {
  code: HidScannerErrorCode;
  path: string | null;
  /** The decoder's or OS's own code, for the log. */
  detail?: string;
}

export interface HidScannerServiceOptions {
  backend?: HidBackend;
  /** Clock in milliseconds; durations and timestamps come from it. */
  now?: () => number;
  onScan: (scan: ScanRead) => void;
  onDevices?: (devices: ScannerDevice[]) => void;
  onError?: (error: HidScannerError) => void;
  /** Hot-plug polling period. */
  pollMs?: number;
  /** Report layout per device ("vid:pid" in lower-case hex, e.g. "0c2e:0b61"); the standard one otherwise. */
  posLayouts?: Readonly<Record<string, PosLayout>>;
  keyboard?: BootKeyboardDecoderOptions;
  /** Defaults to process.platform: on Windows, keyboard-class scanners are not listed (they cannot be opened). */
  platform?: string;
}

interface Candidate {
  info: HidDeviceInfo & { path: string };
  kind: 'pos' | 'keyboard';
}

/** A device keeps its identity across replugs, while its path (hidraw node, USB port) may change. */
function identityOf(d: HidDeviceInfo): string {
  return `${d.vendorId}:${d.productId}:${d.serialNumber ?? ''}:${d.interface}`;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function classify(d: HidDeviceInfo, keyboards: boolean): Candidate['kind'] | null {
  if (d.usagePage === USAGE_PAGE_POS_BARCODE) return 'pos';
  if (keyboards && d.usagePage === USAGE_PAGE_GENERIC_DESKTOP && d.usage === USAGE_KEYBOARD)
    return 'keyboard';
  return null;
}

export class HidScannerService {
  private readonly backend: HidBackend;
  private readonly now: () => number;
  private readonly opts: HidScannerServiceOptions;
  private readonly keyboardsAllowed: boolean;
  private candidates: Candidate[] = [];
  private enumerated = false;
  private selectedIdentity: string | null = null;
  private openDevice: { device: HidDeviceLike; identity: string; path: string } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastSignature = '';
  private openFailedFor: string | null = null;

  constructor(opts: HidScannerServiceOptions) {
    this.opts = opts;
    this.backend = opts.backend ?? nodeHidBackend();
    this.now = opts.now ?? Date.now;
    this.keyboardsAllowed = hidPlatformSupport(opts.platform ?? process.platform).canOpenKeyboardScanners;
  }

  /** Scanners seen at the last enumeration (enumerates once if none happened yet). */
  list(): ScannerDevice[] {
    if (!this.enumerated) this.enumerate();
    return this.candidates.map((c) => this.describe(c));
  }

  /** The partner's choice, by the path list() gave; null reads no USB scanner. */
  select(path: string | null): void {
    if (!this.enumerated) this.enumerate();
    const chosen = path === null ? undefined : this.candidates.find((c) => c.info.path === path);
    this.selectedIdentity = chosen ? identityOf(chosen.info) : null;
    this.openFailedFor = null;
    if (this.openDevice && this.openDevice.identity !== this.selectedIdentity) this.closeDevice();
    this.reconcile();
    this.emitDevices(true);
  }

  start(): void {
    if (this.timer) return;
    this.poll();
    this.timer = setInterval(() => this.poll(), this.opts.pollMs ?? 1000);
    // A poll timer must not keep a CLI or test process alive on its own.
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.closeDevice();
  }

  /** One hot-plug round: enumerate, (re)open the chosen scanner if it is present, report changes. */
  poll(): void {
    this.enumerate();
    this.reconcile();
    this.emitDevices(false);
  }

  private enumerate(): void {
    let all: HidDeviceInfo[];
    try {
      all = this.backend.devices();
    } catch (err) {
      this.opts.onError?.({ code: 'ENUMERATION_FAILED', path: null, detail: String(err) });
      return;
    }
    this.enumerated = true;
    const seen = new Set<string>();
    this.candidates = [];
    for (const info of all) {
      const kind = classify(info, this.keyboardsAllowed);
      if (!kind || !info.path || seen.has(info.path)) continue;
      seen.add(info.path);
      this.candidates.push({ info: { ...info, path: info.path }, kind });
    }
  }

  private reconcile(): void {
    const wanted =
      this.selectedIdentity === null
        ? undefined
        : this.candidates.find((c) => identityOf(c.info) === this.selectedIdentity);
    if (this.openDevice && (!wanted || wanted.info.path !== this.openDevice.path)) this.closeDevice();
    if (wanted && !this.openDevice) this.open(wanted);
  }

  private open(candidate: Candidate): void {
    const { path } = candidate.info;
    let device: HidDeviceLike;
    try {
      device = this.backend.open(path);
    } catch (err) {
      // Report once per attempt streak: the poll retries every period and would flood the log.
      if (this.openFailedFor !== path)
        this.opts.onError?.({ code: 'OPEN_FAILED', path, detail: String(err) });
      this.openFailedFor = path;
      return;
    }
    this.openFailedFor = null;
    const identity = identityOf(candidate.info);
    const handle = { device, identity, path };
    this.openDevice = handle;
    const onReport = this.reportHandler(candidate);
    device.on('data', (report) => {
      if (this.openDevice === handle) onReport(report);
    });
    device.on('error', (err) => {
      if (this.openDevice !== handle) return;
      this.closeDevice();
      this.opts.onError?.({ code: 'DEVICE_LOST', path, detail: String(err) });
      this.emitDevices(true);
    });
  }

  private reportHandler(candidate: Candidate): (report: Uint8Array) => void {
    const emit = (text: string, source: HidScanSource, firstAt: number, lastAt: number): void => {
      this.opts.onScan({
        text,
        source,
        receivedAt: new Date(lastAt).toISOString(),
        durationMs: Math.round((lastAt - firstAt) * 1000) / 1000,
      });
    };
    const fail = (detail: string): void =>
      this.opts.onError?.({ code: 'DECODE_FAILED', path: candidate.info.path, detail });
    if (candidate.kind === 'pos') {
      const key = `${hex4(candidate.info.vendorId)}:${hex4(candidate.info.productId)}`;
      const assembler = createPosAssembler(this.opts.posLayouts?.[key] ?? HID_POS_STANDARD_LAYOUT);
      return (report) => {
        for (const e of assembler.push(report, this.now())) {
          if (e.kind === 'complete') emit(e.text, 'hid-pos', e.firstAt, e.lastAt);
          else if (e.kind === 'error') fail(e.code);
        }
      };
    }
    const decoder = createBootKeyboardDecoder(this.opts.keyboard);
    return (report) => {
      for (const e of decoder.push(report, this.now())) {
        if (e.kind === 'scan') emit(e.text, 'hid-keyboard', e.firstAt, e.lastAt);
        else fail(e.code);
      }
    };
  }

  private closeDevice(): void {
    const current = this.openDevice;
    this.openDevice = null;
    if (!current) return;
    try {
      current.device.close();
    } catch {
      // Closing an unplugged device can throw; it is gone either way.
    }
  }

  private describe(c: Candidate): ScannerDevice {
    const identity = identityOf(c.info);
    return {
      path: c.info.path,
      kind: c.kind,
      vendorId: c.info.vendorId,
      productId: c.info.productId,
      product: c.info.product ?? null,
      manufacturer: c.info.manufacturer ?? null,
      serialNumber: c.info.serialNumber ?? null,
      selected: identity === this.selectedIdentity,
      open: this.openDevice?.path === c.info.path,
    };
  }

  private emitDevices(force: boolean): void {
    if (!this.opts.onDevices) return;
    const devices = this.candidates.map((c) => this.describe(c));
    const signature = JSON.stringify(devices);
    if (!force && signature === this.lastSignature) return;
    this.lastSignature = signature;
    this.opts.onDevices(devices);
  }
}
