// Regenerates every icon in build/ from icon-art.ts: `npx tsx build/scripts/make-icons.ts`.
// The outputs are committed; test/packaging/icons.test.ts checks they match this script.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawMark, encodePng } from './icon-art';
import { encodeIcns, encodeIco } from './icon-formats';

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 256] as const;
export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024] as const;

export function makeIcons(buildDir: string): string[] {
  const cache = new Map<number, ReturnType<typeof drawMark>>();
  const mark = (size: number) => {
    const known = cache.get(size);
    if (known) return known;
    const drawn = drawMark(size);
    cache.set(size, drawn);
    return drawn;
  };
  const written: string[] = [];
  const write = (relative: string, data: Buffer) => {
    const path = join(buildDir, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    written.push(relative);
  };
  write('icon.png', encodePng(mark(512)));
  for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, encodePng(mark(size)));
  write('icon.ico', encodeIco(ICO_SIZES.map(mark)));
  write('icon.icns', encodeIcns(ICNS_SIZES.map(mark)));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  for (const file of makeIcons(buildDir)) console.log(`wrote build/${file}`);
}
