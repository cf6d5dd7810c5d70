// HID POS bar code scanner reports (usage page 0x8C). A decoded bar code arrives as one or more
// input reports; each carries a slice of the data and a flag saying whether more slices follow.
// Vendors place these fields differently, so the placement is data (PosLayout), not code.

/** Where each field sits in one input report, as bytes counted from the first byte node-hid delivers. */
export interface PosLayout {
  readonly name: string;
  /** Expected first byte (the report ID), or null when the device uses no report IDs. */
  readonly reportId: number | null;
  /** Offset of the byte giving how many data bytes this report carries. */
  readonly lengthOffset: number;
  /** Whether that count includes the symbology identifier bytes (some vendors count them). */
  readonly lengthIncludesSymbology: boolean;
  /** Offset and size of the AIM symbology identifier (e.g. "]Q1" for QR Code); size 0 if absent. */
  readonly symbologyOffset: number;
  readonly symbologyLength: number;
  readonly dataOffset: number;
  /** Data bytes a report can carry: 56 in the HID POS usage tables. */
  readonly dataCapacity: number;
  /** The "more data follows" (decoded data continued) flag. */
  readonly moreFlagOffset: number;
  readonly moreFlagMask: number;
}

/**
 * The layout of the HID POS usage tables' Scanned Data Report as Honeywell, Zebra and Datalogic ship it:
 * report ID 2, length, 3-byte AIM identifier, 56 data bytes, 2 reserved, flag byte (bit 0).
 */
export const HID_POS_STANDARD_LAYOUT: PosLayout = {
  name: 'hid-pos-standard',
  reportId: 0x02,
  lengthOffset: 1,
  lengthIncludesSymbology: false,
  symbologyOffset: 2,
  symbologyLength: 3,
  dataOffset: 5,
  dataCapacity: 56,
  moreFlagOffset: 63,
  moreFlagMask: 0x01,
};

/**
 * A compact variant seen on low-cost OEM engines: no report ID, the flag right after the length byte,
 * and a length that counts the AIM identifier too.
 */
export const HID_POS_COMPACT_LAYOUT: PosLayout = {
  name: 'hid-pos-compact',
  reportId: null,
  lengthOffset: 0,
  lengthIncludesSymbology: true,
  symbologyOffset: 2,
  symbologyLength: 3,
  dataOffset: 5,
  dataCapacity: 56,
  moreFlagOffset: 1,
  moreFlagMask: 0x01,
};

export const POS_LAYOUTS: readonly PosLayout[] = [HID_POS_STANDARD_LAYOUT, HID_POS_COMPACT_LAYOUT];

export type PosReportErrorCode = 'WRONG_REPORT_ID' | 'REPORT_TOO_SHORT' | 'LENGTH_OVERFLOW';

export interface PosFragment {
  symbology: string;
  data: Uint8Array;
  more: boolean;
}

export type PosReportResult = { ok: true; fragment: PosFragment } | { ok: false; code: PosReportErrorCode };

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Decode one input report into its slice of bar code data. Pure: no state, no I/O. */
export function decodePosReport(report: Uint8Array, layout: PosLayout): PosReportResult {
  if (layout.reportId !== null && report[0] !== layout.reportId)
    return { ok: false, code: 'WRONG_REPORT_ID' };
  const needed =
    Math.max(
      layout.lengthOffset,
      layout.moreFlagOffset,
      layout.symbologyOffset + layout.symbologyLength - 1,
    ) + 1;
  if (report.length < needed) return { ok: false, code: 'REPORT_TOO_SHORT' };
  const declared = report[layout.lengthOffset] ?? 0;
  const dataLength = layout.lengthIncludesSymbology ? declared - layout.symbologyLength : declared;
  if (dataLength < 0 || dataLength > layout.dataCapacity) return { ok: false, code: 'LENGTH_OVERFLOW' };
  if (layout.dataOffset + dataLength > report.length) return { ok: false, code: 'REPORT_TOO_SHORT' };
  const symbology = latin1(
    report.subarray(layout.symbologyOffset, layout.symbologyOffset + layout.symbologyLength),
  ).replace(/\0+$/, '');
  const data = report.slice(layout.dataOffset, layout.dataOffset + dataLength);
  const more = ((report[layout.moreFlagOffset] ?? 0) & layout.moreFlagMask) !== 0;
  return { ok: true, fragment: { symbology, data, more } };
}

/** Build the reports a scanner would send for `text` (used by capture generators and round-trip tests). */
export function encodePosReports(
  text: string,
  layout: PosLayout,
  symbology = ']Q1',
  reportLength = 64,
): Uint8Array[] {
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  const reports: Uint8Array[] = [];
  for (let start = 0; start < bytes.length || reports.length === 0; start += layout.dataCapacity) {
    const chunk = bytes.subarray(start, start + layout.dataCapacity);
    const r = new Uint8Array(reportLength);
    if (layout.reportId !== null) r[0] = layout.reportId;
    r[layout.lengthOffset] = chunk.length + (layout.lengthIncludesSymbology ? layout.symbologyLength : 0);
    for (let i = 0; i < layout.symbologyLength; i++)
      r[layout.symbologyOffset + i] = symbology.charCodeAt(i) || 0;
    r.set(chunk, layout.dataOffset);
    if (start + layout.dataCapacity < bytes.length)
      r[layout.moreFlagOffset] = (r[layout.moreFlagOffset] ?? 0) | layout.moreFlagMask;
    reports.push(r);
  }
  return reports;
}

export type PosAssemblyErrorCode = PosReportErrorCode | 'FRAGMENT_TIMEOUT' | 'TOO_LONG';

export type PosAssemblyEvent =
  | { kind: 'partial' }
  | { kind: 'complete'; text: string; symbology: string; firstAt: number; lastAt: number }
  | { kind: 'error'; code: PosAssemblyErrorCode };

export interface PosAssembler {
  /** Feed one report received at `atMs` (a monotonic clock); returns what it completed, if anything. */
  push(report: Uint8Array, atMs: number): PosAssemblyEvent[];
  /** Drop a pending bar code whose next slice never came; call from a timer or before reading the state. */
  expire(atMs: number): PosAssemblyEvent[];
}

export interface PosAssemblerOptions {
  /** Longest wait between two slices of one bar code: scanners send them back to back. */
  interReportTimeoutMs?: number;
  /** A pass is about 280 characters; anything far beyond is not ours and must not grow without bound. */
  maxLength?: number;
}

/** Stateful reassembly of multi-report bar codes. Trailing CR/LF suffixes (a scanner setting) are dropped. */
export function createPosAssembler(layout: PosLayout, opts: PosAssemblerOptions = {}): PosAssembler {
  const timeoutMs = opts.interReportTimeoutMs ?? 200;
  const maxLength = opts.maxLength ?? 4096;
  let parts: Uint8Array[] = [];
  let size = 0;
  let symbology = '';
  let firstAt = 0;
  let lastAt = 0;

  const reset = (): void => {
    parts = [];
    size = 0;
  };

  const expire = (atMs: number): PosAssemblyEvent[] => {
    if (parts.length > 0 && atMs - lastAt > timeoutMs) {
      reset();
      return [{ kind: 'error', code: 'FRAGMENT_TIMEOUT' }];
    }
    return [];
  };

  const push = (report: Uint8Array, atMs: number): PosAssemblyEvent[] => {
    const events = expire(atMs);
    const decoded = decodePosReport(report, layout);
    if (!decoded.ok) {
      reset();
      events.push({ kind: 'error', code: decoded.code });
      return events;
    }
    const { fragment } = decoded;
    if (parts.length === 0) {
      firstAt = atMs;
      symbology = fragment.symbology;
    }
    lastAt = atMs;
    parts.push(fragment.data);
    size += fragment.data.length;
    if (size > maxLength) {
      reset();
      events.push({ kind: 'error', code: 'TOO_LONG' });
      return events;
    }
    if (fragment.more) {
      events.push({ kind: 'partial' });
      return events;
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    reset();
    events.push({ kind: 'complete', text: latin1(all).replace(/[\r\n]+$/, ''), symbology, firstAt, lastAt });
    return events;
  };

  return { push, expire };
}
