// A QrDecoder whose work happens in the decode worker: the page only copies pixels and waits.
import type { QrDecoder, QrDecoderName, RgbaImage } from '../decoders/qr-decoder';
import type { FromDecodeWorker, ToDecodeWorker } from './protocol';

export interface WorkerQrDecoder extends QrDecoder {
  /** Ends the worker; pending decodes resolve to null. */
  close(): void;
}

export type WorkerDecoderErrorCode = 'DECODER_LOAD_FAILED';

export class WorkerDecoderError extends Error {
  constructor(readonly code: WorkerDecoderErrorCode) {
    super(code);
  }
}

export function createWorkerQrDecoder(name: QrDecoderName): Promise<WorkerQrDecoder> {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: `qr-decode-${name}` });
  const pending = new Map<number, (text: string | null) => void>();
  const spare: ArrayBuffer[] = [];
  let nextId = 1;

  const post = (msg: ToDecodeWorker, transfer: Transferable[] = []): void => worker.postMessage(msg, transfer);

  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromDecodeWorker>) => {
      const msg = e.data;
      if (msg.type === 'init-failed') {
        worker.terminate();
        reject(new WorkerDecoderError(msg.code));
      } else if (msg.type === 'ready') {
        resolve({
          name,
          decode(image: RgbaImage) {
            const bytes = image.width * image.height * 4;
            const reuse = spare.pop();
            const buffer = reuse && reuse.byteLength === bytes ? reuse : new ArrayBuffer(bytes);
            new Uint8ClampedArray(buffer).set(image.data.subarray(0, bytes));
            const id = nextId++;
            return new Promise<string | null>((done) => {
              pending.set(id, done);
              post({ type: 'frame', id, width: image.width, height: image.height, buffer }, [buffer]);
            });
          },
          close() {
            worker.terminate();
            for (const done of pending.values()) done(null);
            pending.clear();
          },
        });
      } else {
        spare.push(msg.buffer);
        pending.get(msg.id)?.(msg.text);
        pending.delete(msg.id);
      }
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new WorkerDecoderError('DECODER_LOAD_FAILED'));
    };
    post({ type: 'init', decoder: name });
  });
}
