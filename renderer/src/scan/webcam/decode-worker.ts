// The webcam's decode worker: QR decoding off the UI thread. zxing-wasm's WebAssembly is a bundled asset
// (Vite `?url`), never fetched from a CDN.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { createQrDecoder, type QrDecoder } from '../decoders';
import type { FromDecodeWorker, ToDecodeWorker } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToDecodeWorker>) => void) | null;
  postMessage(message: FromDecodeWorker, transfer?: Transferable[]): void;
}

// The renderer's tsconfig has DOM types, not WebWorker ones: describe the little of the scope we use.
const scope = self as unknown as WorkerScope;
let decoder: Promise<QrDecoder> | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    decoder = createQrDecoder(msg.decoder, { wasmUrl: new URL(wasmUrl, self.location.href).href });
    decoder.then(
      (d) => scope.postMessage({ type: 'ready', decoder: d.name }),
      () => scope.postMessage({ type: 'init-failed', code: 'DECODER_LOAD_FAILED' }),
    );
    return;
  }
  const pending = decoder;
  if (!pending) return;
  void pending.then(async (d) => {
    const t0 = performance.now();
    const text = await d
      .decode({ data: new Uint8ClampedArray(msg.buffer), width: msg.width, height: msg.height })
      .catch(() => null);
    scope.postMessage(
      { type: 'result', id: msg.id, text, buffer: msg.buffer, decodeMs: performance.now() - t0 },
      [msg.buffer],
    );
  });
};
