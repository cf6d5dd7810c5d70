// A QrDecoder whose work happens in the decode worker: the page only copies pixels and waits.
import type { QrDecoder, QrDecoderName, RgbaImage } from '../decoders/qr-decoder';
import type { FromDecodeWorker, ToDecodeWorker } from './protocol';

export interface WorkerQrDecoder extends QrDecoder {
  /** Decode a frame the caller gives up: its pixel buffer moves to the worker without a copy. */
  decodeOwned(frame: ImageData): Promise<string | null>;
  /** Ends the worker; pending decodes resolve to null. */
  close(): void;
  /** Frames decoded and time spent decoding inside the worker: what the pipeline adds is the rest. */
  stats(): { frames: number; decodeMs: number };
}

export type WorkerDecoderErrorCode = 'DECODER_LOAD_FAILED';

export class WorkerDecoderError extends Error {
  constructor(readonly code: WorkerDecoderErrorCode) {
    super(code);
  }
}

export function createWorkerQrDecoder(name: QrDecoderName): Promise<WorkerQrDecoder> {
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), {
    type: 'module',
    name: `qr-decode-${name}`,
  });
  const pending = new Map<number, (text: string | null) => void>();
  const spare: ArrayBuffer[] = [];
  let nextId = 1;
  let frames = 0;
  let decodeMs = 0;

  const post = (msg: ToDecodeWorker, transfer: Transferable[] = []): void =>
    worker.postMessage(msg, transfer);

  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromDecodeWorker>) => {
      const msg = e.data;
      if (msg.type === 'init-failed') {
        worker.terminate();
        reject(new WorkerDecoderError(msg.code));
      } else if (msg.type === 'ready') {
        const send = (width: number, height: number, buffer: ArrayBuffer): Promise<string | null> => {
          const id = nextId++;
          return new Promise<string | null>((done) => {
            pending.set(id, done);
            post({ type: 'frame', id, width, height, buffer }, [buffer]);
          });
        };
        const decode = (image: RgbaImage): Promise<string | null> => {
          const bytes = image.width * image.height * 4;
          const reuse = spare.pop();
          const buffer = reuse && reuse.byteLength === bytes ? reuse : new ArrayBuffer(bytes);
          new Uint8ClampedArray(buffer).set(image.data.subarray(0, bytes));
          return send(image.width, image.height, buffer);
        };
        resolve({
          name,
          decode,
          decodeOwned(frame: ImageData) {
            const { data } = frame;
            const whole =
              data.byteOffset === 0 &&
              data.byteLength === data.buffer.byteLength &&
              data.buffer instanceof ArrayBuffer;
            return whole ? send(frame.width, frame.height, data.buffer) : decode(frame);
          },
          stats: () => ({ frames, decodeMs }),
          close() {
            worker.terminate();
            for (const done of pending.values()) done(null);
            pending.clear();
          },
        });
      } else {
        // Keep a couple of returned buffers for decode()'s copies; owned frames' buffers are just dropped.
        if (spare.length < 2) spare.push(msg.buffer);
        frames++;
        decodeMs += msg.decodeMs;
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
