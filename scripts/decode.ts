// npm run decode -- [--decoder zxing-wasm|zxing-js] <image files…> (PNG or JPEG)
// One line per image: "<file>\t<decoded text>" or "<file>\tERROR <code>", with the decoder the webcam
// worker uses. Exit status 1 when any image failed.
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import {
  createQrDecoder,
  DEFAULT_QR_DECODER,
  QR_DECODER_NAMES,
  type QrDecoder,
  type QrDecoderName,
  type RgbaImage,
} from '../renderer/src/scan/decoders';

export type DecodeErrorCode = 'FILE_NOT_FOUND' | 'UNSUPPORTED_IMAGE' | 'NO_QR_CODE';

/** The decoder under Node: the same module as the worker, the WebAssembly read from node_modules. */
export async function loadNodeQrDecoder(name: QrDecoderName = DEFAULT_QR_DECODER): Promise<QrDecoder> {
  const bytes = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
  return createQrDecoder(name, {
    wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
}

/** A decoder's pixels seen as the scanner's RGBA image, without a copy; null when the decoder threw. */
function rgbaOrNull(decode: () => { data: Uint8Array; width: number; height: number }): RgbaImage | null {
  try {
    const { data, width, height } = decode();
    return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height };
  } catch {
    return null;
  }
}

export function readPng(file: string): RgbaImage | null {
  return rgbaOrNull(() => PNG.sync.read(readFileSync(file)));
}

/**
 * A JPEG (a phone's photo of a pass) as RGBA. Bounded: a 12-megapixel photo decodes, a hostile header asking
 * for gigabytes is refused rather than allocated.
 */
export function readJpeg(file: string): RgbaImage | null {
  return rgbaOrNull(() =>
    jpeg.decode(readFileSync(file), {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: 64,
      maxMemoryUsageInMB: 1024,
    }),
  );
}

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

/** PNG or JPEG, told apart by their first bytes (not the file name: photos arrive as .jpg, .jpeg, .JPG or none). */
export function readImage(file: string): RgbaImage | null {
  const head = Buffer.alloc(3);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 3, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(JPEG_MAGIC) ? readJpeg(file) : readPng(file);
}

export async function decodeFile(
  decoder: QrDecoder,
  file: string,
): Promise<{ ok: true; text: string } | { ok: false; code: DecodeErrorCode }> {
  if (!existsSync(file)) return { ok: false, code: 'FILE_NOT_FOUND' };
  const image = readImage(file);
  if (!image) return { ok: false, code: 'UNSUPPORTED_IMAGE' };
  const text = await decoder.decode(image);
  return text === null ? { ok: false, code: 'NO_QR_CODE' } : { ok: true, text };
}

async function main(argv: string[]): Promise<number> {
  let name: QrDecoderName = DEFAULT_QR_DECODER;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--decoder') {
      const value = argv[++i];
      if (!QR_DECODER_NAMES.includes(value as QrDecoderName)) {
        console.error(`--decoder: one of ${QR_DECODER_NAMES.join(', ')}`);
        return 2;
      }
      name = value as QrDecoderName;
    } else files.push(arg);
  }
  if (files.length === 0) {
    console.error('usage: npm run decode -- [--decoder zxing-wasm|zxing-js] <image.png|image.jpg…>');
    return 2;
  }
  const decoder = await loadNodeQrDecoder(name);
  let failed = false;
  for (const file of files) {
    const r = await decodeFile(decoder, file);
    failed ||= !r.ok;
    process.stdout.write(`${file}\t${r.ok ? r.text : `ERROR ${r.code}`}\n`);
  }
  return failed ? 1 : 0;
}

if (import.meta.filename === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
