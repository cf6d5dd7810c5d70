import { PNG } from 'pngjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLD, RED, drawMark } from '../../build/scripts/icon-art';
import { ICO_SIZES, ICNS_SIZES, LINUX_SIZES } from '../../build/scripts/make-icons';
import { ICNS_TYPES } from '../../build/scripts/icon-formats';

const build = join(import.meta.dirname, '../../build');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pixel(png: PNG, x: number, y: number): number[] {
  const i = (y * png.width + x) * 4;
  return [...png.data.subarray(i, i + 4)];
}

describe('the icon set in build/', () => {
  it('is the generated mark: committed PNGs match icon-art.ts pixel for pixel', () => {
    for (const size of [16, 256]) {
      const committed = PNG.sync.read(readFileSync(join(build, `icons/${size}x${size}.png`)));
      expect(committed.width).toBe(size);
      expect(Buffer.compare(committed.data, drawMark(size).data)).toBe(0);
    }
  });

  it('is a gold A on red with transparent corners, at 512 px for electron-builder', () => {
    const icon = PNG.sync.read(readFileSync(join(build, 'icon.png')));
    expect([icon.width, icon.height]).toEqual([512, 512]);
    expect(pixel(icon, 0, 0)[3]).toBe(0);
    expect(pixel(icon, 40, 256)).toEqual([...RED, 255]); // left edge of the square
    expect(pixel(icon, 256, 140)).toEqual([...GOLD, 255]); // near the apex of the A
    expect(pixel(icon, 256, 250)).toEqual([...RED, 255]); // the counter of the A
  });

  it('has every Linux size', () => {
    for (const size of LINUX_SIZES) {
      const png = PNG.sync.read(readFileSync(join(build, `icons/${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });

  it('has a Windows .ico whose 256 px image is PNG and smaller ones are 32-bit DIBs', () => {
    const ico = readFileSync(join(build, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, n) => {
      const entry = 6 + n * 16;
      expect(ico.readUInt8(entry) || 256).toBe(size);
      expect(ico.readUInt16LE(entry + 6)).toBe(32);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const payload = ico.subarray(offset, offset + length);
      if (size === 256) {
        expect(payload.subarray(0, 8)).toEqual(PNG_SIGNATURE);
        expect(PNG.sync.read(payload).width).toBe(256);
      } else {
        expect([payload.readUInt32LE(0), payload.readInt32LE(4), payload.readInt32LE(8)]).toEqual([
          40,
          size,
          size * 2,
        ]);
        expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      }
    });
  });

  it('has a macOS .icns with PNG images up to 1024 px', () => {
    const icns = readFileSync(join(build, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      found.set(type, PNG.sync.read(icns.subarray(at + 8, at + length)).width);
      at += length;
    }
    expect(found).toEqual(new Map(ICNS_SIZES.map((s) => [ICNS_TYPES.get(s) ?? '?', s])));
  });
});
