import { describe, expect, it } from 'vitest';
import { makeHidCaptures } from '../../scripts/fixtures/make-hid-captures';
import { loadCapture } from './hid-replay';

describe('recorded HID captures', () => {
  it('are what the generator makes from the current token vectors (regenerate them if this fails)', () => {
    for (const [name, capture] of Object.entries(makeHidCaptures()))
      expect(loadCapture(name), name).toEqual(capture);
  });

  it('contain keys held across two polls, which must not double characters', () => {
    const events = loadCapture('keyboard-boot-pass.json').events;
    const repeats = events.filter(
      (e, i) =>
        e.type === 'report' &&
        i > 0 &&
        /[^0]/.test(e.hex.slice(4)) &&
        (events[i - 1] as { hex?: string }).hex === e.hex,
    );
    expect(repeats.length).toBeGreaterThan(3);
  });
});
