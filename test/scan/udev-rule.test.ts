// The udev rule is parsed by udevd at boot: a typo silently grants nothing. Check its shape here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const text = readFileSync(
  join(import.meta.dirname, '..', '..', 'build', 'linux', '70-atouts-scanners.rules'),
  'utf8',
);
const rules = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

describe('70-atouts-scanners.rules', () => {
  it('grants hidraw access per scanner maker, and nothing broader', () => {
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) {
      expect(rule).toMatch(
        /^SUBSYSTEM=="hidraw", ATTRS\{idVendor\}=="[0-9a-f]{4}", TAG\+="uaccess", MODE="0660", GROUP="plugdev"$/,
      );
    }
  });

  it('covers the makers of the recorded captures', () => {
    for (const vendor of ['0c2e', '05e0', '1eab']) expect(text).toContain(`ATTRS{idVendor}=="${vendor}"`);
  });
});
