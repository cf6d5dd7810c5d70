import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPosAssembler,
  decodePosReport,
  encodePosReports,
  HID_POS_COMPACT_LAYOUT,
  HID_POS_STANDARD_LAYOUT,
  POS_LAYOUTS,
} from '../../native/hid/pos-report';
import { bytesOf } from '../../scripts/fixtures/hid-capture-format';
import { loadCapture } from './hid-replay';

const base45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

describe('decodePosReport', () => {
  it('reads the fields of a standard scanned-data report', () => {
    const r = new Uint8Array(64);
    r.set([0x02, 3, 0x5d, 0x51, 0x31, 0x41, 0x54, 0x4e]);
    r[63] = 1;
    expect(decodePosReport(r, HID_POS_STANDARD_LAYOUT)).toEqual({
      ok: true,
      fragment: { symbology: ']Q1', data: Uint8Array.of(0x41, 0x54, 0x4e), more: true },
    });
  });

  it('refuses another report ID, a short report and a length beyond 56', () => {
    const r = encodePosReports('ATN1:', HID_POS_STANDARD_LAYOUT)[0] as Uint8Array;
    expect(decodePosReport(Uint8Array.of(0x04, ...r.subarray(1)), HID_POS_STANDARD_LAYOUT)).toEqual({
      ok: false,
      code: 'WRONG_REPORT_ID',
    });
    expect(decodePosReport(r.subarray(0, 20), HID_POS_STANDARD_LAYOUT)).toEqual({
      ok: false,
      code: 'REPORT_TOO_SHORT',
    });
    const long = r.slice();
    long[1] = 57;
    expect(decodePosReport(long, HID_POS_STANDARD_LAYOUT)).toEqual({ ok: false, code: 'LENGTH_OVERFLOW' });
  });

  it('counts the symbology bytes in the length when the layout says so', () => {
    const [r] = encodePosReports('AB', HID_POS_COMPACT_LAYOUT);
    expect(r?.[0]).toBe(5);
    expect(decodePosReport(r as Uint8Array, HID_POS_COMPACT_LAYOUT)).toMatchObject({
      ok: true,
      fragment: { data: Uint8Array.of(0x41, 0x42), more: false },
    });
  });
});

describe('createPosAssembler', () => {
  it('joins a token spread over several reports, whatever the layout', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POS_LAYOUTS),
        fc.string({ unit: fc.constantFrom(...base45), minLength: 1, maxLength: 400 }),
        (layout, text) => {
          const a = createPosAssembler(layout);
          const events = encodePosReports(text, layout).flatMap((r, i) => a.push(r, i));
          const last = events.at(-1);
          expect(last).toMatchObject({ kind: 'complete', text, symbology: ']Q1' });
          expect(events.slice(0, -1).every((e) => e.kind === 'partial')).toBe(true);
        },
      ),
    );
  });

  it('replays the recorded Honeywell capture to the exact token', () => {
    const capture = loadCapture('pos-standard-pass.json');
    const a = createPosAssembler(HID_POS_STANDARD_LAYOUT);
    const done = capture.events
      .flatMap((e) => (e.type === 'report' ? a.push(bytesOf(e.hex), e.t) : []))
      .filter((e) => e.kind === 'complete');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ text: capture.expected[0] });
  });

  it('drops a bar code whose next slice comes too late, and reads the following one', () => {
    const a = createPosAssembler(HID_POS_STANDARD_LAYOUT, { interReportTimeoutMs: 50 });
    const first = encodePosReports('X'.repeat(100), HID_POS_STANDARD_LAYOUT);
    expect(a.push(first[0] as Uint8Array, 0)).toEqual([{ kind: 'partial' }]);
    const next = encodePosReports('HELLO', HID_POS_STANDARD_LAYOUT)[0] as Uint8Array;
    expect(a.push(next, 500)).toEqual([
      { kind: 'error', code: 'FRAGMENT_TIMEOUT' },
      { kind: 'complete', text: 'HELLO', symbology: ']Q1', firstAt: 500, lastAt: 500 },
    ]);
    expect(a.expire(10_000)).toEqual([]);
  });

  it('strips a CR/LF suffix configured on the scanner', () => {
    const a = createPosAssembler(HID_POS_STANDARD_LAYOUT);
    expect(
      a.push(encodePosReports('ATN1:AB\r\n', HID_POS_STANDARD_LAYOUT)[0] as Uint8Array, 0)[0],
    ).toMatchObject({ text: 'ATN1:AB' });
  });
});
