// Windows .ico and macOS .icns containers, written in plain TypeScript so icons are generated on any OS
// without ImageMagick or iconutil.
import type { PNG } from 'pngjs';
import { encodePng } from './icon-art';

/**
 * An .ico with one image per size. Sizes below 256 are stored as 32-bit DIBs, which every consumer
 * (Explorer, rcedit, NSIS) reads; 256 is stored as PNG, as Windows Vista introduced and as it must be to
 * stay small.
 */
export function encodeIco(images: readonly PNG[]): Buffer {
  const payloads = images.map((img) => (img.width >= 256 ? encodePng(img) : encodeDib(img)));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach((img, n) => {
    const entry = n * 16;
    const payload = payloads[n] ?? Buffer.alloc(0);
    directory.writeUInt8(img.width >= 256 ? 0 : img.width, entry); // 0 means 256
    directory.writeUInt8(img.height >= 256 ? 0 : img.height, entry + 1);
    directory.writeUInt8(0, entry + 2); // no palette
    directory.writeUInt8(0, entry + 3);
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(payload.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += payload.length;
  });
  return Buffer.concat([header, directory, ...payloads]);
}

// BITMAPINFOHEADER, bottom-up BGRA rows, then the 1-bit AND mask (all zero: the alpha channel rules).
function encodeDib(img: PNG): Buffer {
  const { width, height } = img;
  const maskRow = Math.ceil(width / 32) * 4;
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(width, 4);
  info.writeInt32LE(height * 2, 8); // colour rows + mask rows
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(0, 16); // BI_RGB
  info.writeUInt32LE(width * height * 4 + maskRow * height, 20);
  const pixels = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = ((height - 1 - y) * width + x) * 4;
      pixels[to] = img.data[from + 2] ?? 0;
      pixels[to + 1] = img.data[from + 1] ?? 0;
      pixels[to + 2] = img.data[from] ?? 0;
      pixels[to + 3] = img.data[from + 3] ?? 0;
    }
  }
  return Buffer.concat([info, pixels, Buffer.alloc(maskRow * height)]);
}

/** The icns types that hold PNG data, by pixel size. */
export const ICNS_TYPES: ReadonlyMap<number, string> = new Map([
  [16, 'icp4'],
  [32, 'icp5'],
  [64, 'icp6'],
  [128, 'ic07'],
  [256, 'ic08'],
  [512, 'ic09'],
  [1024, 'ic10'],
]);

/** An .icns of PNG-compressed images (macOS 10.7+). */
export function encodeIcns(images: readonly PNG[]): Buffer {
  const chunks = images.map((img) => {
    const type = ICNS_TYPES.get(img.width);
    if (!type || img.width !== img.height) throw new Error(`no icns type for ${img.width}x${img.height}`);
    const data = encodePng(img);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}
