import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBootKeyboardDecoder,
  encodeBootKeyboardReports,
  usCharForUsage,
} from '../../native/hid/boot-keyboard';
import { bytesOf } from '../../scripts/fixtures/hid-capture-format';
import { loadCapture } from './hid-replay';

const base45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const report = (mods: number, ...keys: number[]): Uint8Array =>
  Uint8Array.of(mods, 0, ...keys, ...new Array<number>(6 - keys.length).fill(0));
const KEY_1 = 0x1e;
const KEY_A = 0x04;
const ENTER = 0x28;
const TAB = 0x2b;

describe('US usage table', () => {
  it('maps digits, Shift and the Base45 punctuation like a US keyboard', () => {
    expect(usCharForUsage(KEY_1, false)).toBe('1');
    expect(usCharForUsage(KEY_1, true)).toBe('!');
    expect(usCharForUsage(KEY_A, true)).toBe('A');
    expect(usCharForUsage(0x33, true)).toBe(':');
    expect(usCharForUsage(0x21, true)).toBe('$');
    expect(usCharForUsage(0x2c, false)).toBe(' ');
    expect(usCharForUsage(0x39, false)).toBeUndefined();
  });
});

describe('createBootKeyboardDecoder', () => {
  it('reads any Base45 text typed by a US scanner back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...base45), minLength: 1, maxLength: 300 }), (text) => {
        const d = createBootKeyboardDecoder();
        const events = encodeBootKeyboardReports(text).flatMap((r, i) => d.push(r, i * 2));
        expect(events).toEqual([
          { kind: 'scan', text, suffix: 'enter', firstAt: 0, lastAt: text.length * 4 },
        ]);
      }),
    );
  });

  it('types a key held across reports once, and twice when released in between', () => {
    const d = createBootKeyboardDecoder();
    const held = [report(0, KEY_1), report(0, KEY_1), report(0, KEY_1), report(0)];
    const pressedTwice = [report(0, KEY_1), report(0), report(0, KEY_1), report(0)];
    const events = [...held, ...pressedTwice, report(0, ENTER), report(0)].flatMap((r, i) => d.push(r, i));
    expect(events).toMatchObject([{ kind: 'scan', text: '111' }]);
  });

  it('applies either Shift key, and reads rollover of two keys in one report in slot order', () => {
    const d = createBootKeyboardDecoder();
    const events = [
      report(0x20, KEY_A),
      report(0x02, KEY_A, KEY_1),
      report(0),
      report(0, TAB),
      report(0),
    ].flatMap((r, i) => d.push(r, i));
    expect(events).toMatchObject([{ kind: 'scan', text: 'A!', suffix: 'tab' }]);
  });

  it('ignores Tab when only Enter ends a bar code', () => {
    const d = createBootKeyboardDecoder({ suffixes: ['enter'] });
    const events = [report(0, KEY_1), report(0), report(0, TAB), report(0), report(0, ENTER)].flatMap(
      (r, i) => d.push(r, i),
    );
    expect(events).toMatchObject([{ kind: 'scan', text: '1' }]);
  });

  it('drops a partial bar code after the inter-report timeout', () => {
    const d = createBootKeyboardDecoder({ interReportTimeoutMs: 100 });
    expect(d.push(report(0, KEY_1), 0)).toEqual([]);
    expect(d.push(report(0), 5)).toEqual([]);
    expect(d.push(report(0, KEY_A), 500)).toEqual([{ kind: 'error', code: 'KEY_TIMEOUT' }]);
    expect([report(0), report(0, ENTER)].flatMap((r, i) => d.push(r, 501 + i))).toMatchObject([
      { kind: 'scan', text: 'a' },
    ]);
  });

  it('keeps its state through a phantom (error rollover) report', () => {
    const d = createBootKeyboardDecoder();
    const events = [
      report(0, KEY_1),
      report(0, 1, 1, 1, 1, 1, 1),
      report(0, KEY_1),
      report(0),
      report(0, ENTER),
    ].flatMap((r, i) => d.push(r, i));
    expect(events).toMatchObject([{ kind: 'scan', text: '1' }]);
  });

  it('refuses a bar code containing a key it cannot map rather than guess', () => {
    const d = createBootKeyboardDecoder();
    const events = [report(0, 0x3a), report(0), report(0, KEY_1), report(0), report(0, ENTER)].flatMap(
      (r, i) => d.push(r, i),
    );
    expect(events).toEqual([{ kind: 'error', code: 'UNMAPPED_USAGE' }]);
  });

  it('replays the recorded keyboard-mode capture (with keys held across polls) to the exact token', () => {
    const capture = loadCapture('keyboard-boot-pass.json');
    const d = createBootKeyboardDecoder();
    const events = capture.events.flatMap((e) => (e.type === 'report' ? d.push(bytesOf(e.hex), e.t) : []));
    expect(events).toMatchObject([{ kind: 'scan', text: capture.expected[0] }]);
  });
});
