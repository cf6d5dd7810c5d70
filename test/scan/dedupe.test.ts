import { describe, expect, it } from 'vitest';
import { createScanDeduper, dedupeScans } from '../../renderer/src/scan/dedupe';

describe('createScanDeduper', () => {
  it('treats the same text within a second as one scan, and a different text as a new one', () => {
    const d = createScanDeduper(1000);
    expect(d.accept('A', 0)).toBe(true);
    expect(d.accept('A', 999)).toBe(false);
    expect(d.accept('B', 1000)).toBe(true);
    expect(d.accept('A', 1001)).toBe(true);
  });

  it('keeps suppressing a code held in front of the camera, and reads it again once it was gone', () => {
    const d = createScanDeduper(1000);
    const seen = [0, 400, 800, 1200, 1600].map((t) => d.accept('A', t));
    expect(seen).toEqual([true, false, false, false, false]);
    expect(d.accept('A', 2700)).toBe(true);
  });

  it('filters a scan handler with an injected clock', () => {
    let now = 0;
    const got: string[] = [];
    const onScan = dedupeScans<{ text: string }>(
      (s) => got.push(s.text),
      1000,
      () => now,
    );
    onScan({ text: 'A' });
    now = 500;
    onScan({ text: 'A' });
    now = 2000;
    onScan({ text: 'A' });
    expect(got).toEqual(['A', 'A']);
  });
});
