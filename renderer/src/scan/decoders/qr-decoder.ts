// One interface over QR decoding libraries, so the webcam worker, `npm run decode` and the benchmark run
// the same code whichever library is chosen. Runs in a browser, a worker and Node alike.

/** RGBA pixels, as ImageData holds them (ImageData itself satisfies this). */
export interface RgbaImage {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type QrDecoderName = 'zxing-wasm' | 'zxing-js';

export const QR_DECODER_NAMES: readonly QrDecoderName[] = ['zxing-wasm', 'zxing-js'];

/**
 * Measured on the project's degraded fixture set (bench/webcam.bench.ts): zxing-wasm reads inverted
 * (dark-mode) screens and heavier blur where @zxing/library does not, at a similar speed.
 */
export const DEFAULT_QR_DECODER: QrDecoderName = 'zxing-wasm';

export interface QrDecoder {
  readonly name: QrDecoderName;
  /** The text of the first QR code found, or null when the image holds none it can read. */
  decode(image: RgbaImage): Promise<string | null>;
}

/** ITU-R BT.601 luma, the grey level both libraries binarise. */
export function lumaOf(image: RgbaImage): Uint8ClampedArray {
  const { data, width, height } = image;
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    out[i] = (306 * (data[p] ?? 0) + 601 * (data[p + 1] ?? 0) + 117 * (data[p + 2] ?? 0) + 512) >> 10;
  }
  return out;
}
