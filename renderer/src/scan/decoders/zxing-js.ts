import * as zxingNamespace from '@zxing/library';
import type { DecodeHintType } from '@zxing/library';
import { lumaOf, type QrDecoder, type RgbaImage } from './qr-decoder';

// Bundlers load the library's ES build (named exports); Node loads its CommonJS build, whose exports
// arrive under `default`. Take whichever holds them.
type ZxingLibrary = typeof zxingNamespace;
const zxing: ZxingLibrary =
  'QRCodeReader' in zxingNamespace
    ? zxingNamespace
    : (Reflect.get(zxingNamespace, 'default') as ZxingLibrary);
const { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;

/** @zxing/library (the JavaScript port of ZXing), QR Code only, trying harder. */
export function createZxingJsDecoder(): QrDecoder {
  const reader = new QRCodeReader();
  const hints = new Map<DecodeHintType, unknown>([[zxing.DecodeHintType.TRY_HARDER, true]]);
  return {
    name: 'zxing-js',
    async decode(image: RgbaImage) {
      const source = new RGBLuminanceSource(lumaOf(image), image.width, image.height);
      try {
        return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
      } catch {
        // The library signals "no code", "checksum" and "format" all by throwing: each means unread.
        return null;
      } finally {
        reader.reset();
      }
    },
  };
}
