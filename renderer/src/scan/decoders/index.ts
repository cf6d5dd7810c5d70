import { createZxingJsDecoder } from './zxing-js';
import { createZxingWasmDecoder, type ZxingWasmSource } from './zxing-wasm';
import type { QrDecoder, QrDecoderName } from './qr-decoder';

export * from './qr-decoder';
export type { ZxingWasmSource } from './zxing-wasm';

/** The decoder by name; zxing-wasm needs to be told where its WebAssembly is. */
export async function createQrDecoder(name: QrDecoderName, wasm: ZxingWasmSource): Promise<QrDecoder> {
  return name === 'zxing-js' ? createZxingJsDecoder() : createZxingWasmDecoder(wasm);
}
