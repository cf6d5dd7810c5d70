// The lowest boundary of scanner I/O: node-hid's shape, so tests replace it with recorded captures.
import { createRequire } from 'node:module';

/** What node-hid's devices() returns for one HID interface. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  release: number;
  interface: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

/** The part of node-hid's HID.HID the service uses. 'data' carries one input report; 'error' an unplug. */
export interface HidDeviceLike {
  on(event: 'data', listener: (report: Uint8Array) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  close(): void;
}

export interface HidBackend {
  devices(): HidDeviceInfo[];
  open(path: string): HidDeviceLike;
}

interface NodeHidModule {
  devices(): HidDeviceInfo[];
  HID: new (path: string, options?: { nonExclusive?: boolean }) => HidDeviceLike;
}

/**
 * The real backend. node-hid is a native addon: it is loaded on first use, not at import, so that code
 * importing this module (tests, the till without a scanner) never needs the binary.
 */
export function nodeHidBackend(): HidBackend {
  let hid: NodeHidModule | undefined;
  const load = (): NodeHidModule => {
    hid ??= createRequire(import.meta.url)('node-hid') as NodeHidModule;
    return hid;
  };
  return {
    devices: () => load().devices(),
    open: (path) => new (load().HID)(path),
  };
}
