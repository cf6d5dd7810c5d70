import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { QrDecoder, RgbaImage } from './qr-decoder';

/**
 * Where the zxing-cpp WebAssembly comes from. Never the CDN zxing-wasm defaults to: the till works
 * offline and its CSP allows no remote code. In a page or worker, pass the bundled file's URL (Vite
 * `?url` import); under Node, pass the bytes.
 */
export type ZxingWasmSource = { wasmUrl: string } | { wasmBinary: ArrayBuffer };

const readerOptions: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 1,
};

export async function createZxingWasmDecoder(source: ZxingWasmSource): Promise<QrDecoder> {
  const overrides =
    'wasmUrl' in source
      ? {
          locateFile: (path: string, prefix: string) =>
            path.endsWith('.wasm') ? source.wasmUrl : prefix + path,
        }
      : { wasmBinary: source.wasmBinary };
  await prepareZXingModule({ overrides, fireImmediately: true });
  return {
    name: 'zxing-wasm',
    async decode(image: RgbaImage) {
      const results = await readBarcodes(
        { data: image.data, width: image.width, height: image.height } as ImageData,
        readerOptions,
      );
      const found = results.find((r) => r.isValid);
      return found ? found.text : null;
    },
  };
}
