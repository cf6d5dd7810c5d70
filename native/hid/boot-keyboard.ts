// Keyboard-mode scanners read over HID (boot keyboard reports), decoded with the US table the scanner
// itself types with. Reading usages, not OS characters, is what makes AZERTY and QWERTZ irrelevant.

/** HID usage (page 0x07) → [unshifted, shifted] character on a US keyboard. */
const US_USAGES: ReadonlyMap<number, readonly [string, string]> = (() => {
  const m = new Map<number, readonly [string, string]>();
  for (let i = 0; i < 26; i++) {
    const c = String.fromCharCode(97 + i);
    m.set(0x04 + i, [c, c.toUpperCase()]);
  }
  const digits = '1234567890';
  const shiftedDigits = '!@#$%^&*()';
  for (let i = 0; i < 10; i++) m.set(0x1e + i, [digits[i] as string, shiftedDigits[i] as string]);
  const punctuation: Array<[number, string, string]> = [
    [0x2c, ' ', ' '],
    [0x2d, '-', '_'],
    [0x2e, '=', '+'],
    [0x2f, '[', '{'],
    [0x30, ']', '}'],
    [0x31, '\\', '|'],
    [0x33, ';', ':'],
    [0x34, "'", '"'],
    [0x35, '`', '~'],
    [0x36, ',', '<'],
    [0x37, '.', '>'],
    [0x38, '/', '?'],
    // Keypad: some scanners type digits on the keypad; Shift does not change them here.
    [0x54, '/', '/'],
    [0x55, '*', '*'],
    [0x56, '-', '-'],
    [0x57, '+', '+'],
    [0x63, '.', '.'],
    [0x62, '0', '0'],
  ];
  for (const [u, a, b] of punctuation) m.set(u, [a, b]);
  for (let i = 0; i < 9; i++) m.set(0x59 + i, [String(i + 1), String(i + 1)]);
  return m;
})();

const USAGE_ENTER = 0x28;
const USAGE_KEYPAD_ENTER = 0x58;
const USAGE_TAB = 0x2b;
const USAGE_ERROR_ROLLOVER = 0x01;
const SHIFT_BITS = 0x02 | 0x20;

export type KeyboardSuffix = 'enter' | 'tab';

/** The character a US-layout keyboard types for a usage, or undefined for a non-character key. */
export function usCharForUsage(usage: number, shift: boolean): string | undefined {
  const pair = US_USAGES.get(usage);
  return pair ? pair[shift ? 1 : 0] : undefined;
}

/** The usage and Shift state a US-layout scanner sends for a character (capture generators use it). */
export function usageForUsChar(char: string): { usage: number; shift: boolean } | undefined {
  for (const [usage, [plain, shifted]] of US_USAGES) {
    if (usage >= 0x54) continue; // prefer the main block, as scanners do by default
    if (plain === char) return { usage, shift: false };
    if (shifted === char) return { usage, shift: true };
  }
  return undefined;
}

export type KeyboardDecodeErrorCode = 'KEY_TIMEOUT' | 'UNMAPPED_USAGE' | 'REPORT_TOO_SHORT' | 'TOO_LONG';

export type KeyboardDecodeEvent =
  | { kind: 'scan'; text: string; suffix: KeyboardSuffix; firstAt: number; lastAt: number }
  | { kind: 'error'; code: KeyboardDecodeErrorCode };

export interface BootKeyboardDecoderOptions {
  /** Keys ending a bar code. Scanners append Enter by default; some are set to Tab. */
  suffixes?: readonly KeyboardSuffix[];
  /** Longest silence between two reports within one bar code before the partial text is dropped. */
  interReportTimeoutMs?: number;
  /** Some devices prefix boot reports with a report ID; give it to skip that byte. */
  reportId?: number | null;
  maxLength?: number;
}

export interface BootKeyboardDecoder {
  push(report: Uint8Array, atMs: number): KeyboardDecodeEvent[];
  expire(atMs: number): KeyboardDecodeEvent[];
}

/**
 * Stateful decoder of 8-byte boot keyboard reports [modifiers, reserved, six usages]. A key is typed when
 * it appears in a report without having been in the previous one: the same usage in consecutive reports
 * is one held key, a release in between makes two presses.
 */
export function createBootKeyboardDecoder(opts: BootKeyboardDecoderOptions = {}): BootKeyboardDecoder {
  const suffixes = new Set(opts.suffixes ?? ['enter', 'tab']);
  const timeoutMs = opts.interReportTimeoutMs ?? 100;
  const skip = opts.reportId === undefined || opts.reportId === null ? 0 : 1;
  const maxLength = opts.maxLength ?? 4096;
  let held = new Set<number>();
  let text = '';
  let unmapped = false;
  let firstAt = 0;
  let lastAt = Number.NEGATIVE_INFINITY;

  const clear = (): void => {
    text = '';
    unmapped = false;
  };

  const expire = (atMs: number): KeyboardDecodeEvent[] => {
    if ((text.length > 0 || unmapped) && atMs - lastAt > timeoutMs) {
      clear();
      return [{ kind: 'error', code: 'KEY_TIMEOUT' }];
    }
    return [];
  };

  const finish = (suffix: KeyboardSuffix): KeyboardDecodeEvent => {
    const event: KeyboardDecodeEvent = unmapped
      ? { kind: 'error', code: 'UNMAPPED_USAGE' }
      : { kind: 'scan', text, suffix, firstAt, lastAt };
    clear();
    return event;
  };

  const push = (report: Uint8Array, atMs: number): KeyboardDecodeEvent[] => {
    const events = expire(atMs);
    if (report.length < skip + 3) {
      events.push({ kind: 'error', code: 'REPORT_TOO_SHORT' });
      return events;
    }
    const modifiers = report[skip] ?? 0;
    const usages = Array.from(report.subarray(skip + 2, skip + 8)).filter((u) => u !== 0);
    // Phantom state (too many keys): the report says nothing reliable; keep the previous state.
    if (usages.some((u) => u === USAGE_ERROR_ROLLOVER)) return events;
    const shift = (modifiers & SHIFT_BITS) !== 0;
    const now = new Set(usages);
    for (const usage of usages) {
      if (held.has(usage)) continue;
      if (text.length === 0 && !unmapped) firstAt = atMs;
      lastAt = atMs;
      if (usage === USAGE_ENTER || usage === USAGE_KEYPAD_ENTER || usage === USAGE_TAB) {
        const suffix: KeyboardSuffix = usage === USAGE_TAB ? 'tab' : 'enter';
        if (suffixes.has(suffix) && (text.length > 0 || unmapped)) events.push(finish(suffix));
        continue;
      }
      const c = usCharForUsage(usage, shift);
      if (c === undefined) unmapped = true;
      else text += c;
      if (text.length > maxLength) {
        clear();
        events.push({ kind: 'error', code: 'TOO_LONG' });
      }
    }
    lastAt = atMs;
    held = now;
    return events;
  };

  return { push, expire };
}

/** The reports a US-layout scanner sends to type `text` then `suffix`: press, release, per character. */
export function encodeBootKeyboardReports(text: string, suffix: KeyboardSuffix = 'enter'): Uint8Array[] {
  const reports: Uint8Array[] = [];
  const keys = [...text].map((c) => {
    const k = usageForUsChar(c);
    if (!k) throw new Error(`no US key for ${JSON.stringify(c)}`);
    return k;
  });
  keys.push({ usage: suffix === 'tab' ? USAGE_TAB : USAGE_ENTER, shift: false });
  for (const { usage, shift } of keys) {
    reports.push(Uint8Array.of(shift ? 0x02 : 0, 0, usage, 0, 0, 0, 0, 0));
    reports.push(new Uint8Array(8));
  }
  return reports;
}
