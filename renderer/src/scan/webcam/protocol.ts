// Messages between the page and the decode worker. Frames travel as transferred RGBA buffers, and the
// worker hands each buffer back so the page reuses it instead of allocating 1.2 MB per frame.
import type { QrDecoderName } from '../decoders/qr-decoder';

export type ToDecodeWorker =
  | { type: 'init'; decoder: QrDecoderName }
  | { type: 'frame'; id: number; width: number; height: number; buffer: ArrayBuffer };

export type FromDecodeWorker =
  | { type: 'ready'; decoder: QrDecoderName }
  | { type: 'init-failed'; code: 'DECODER_LOAD_FAILED' }
  | { type: 'result'; id: number; text: string | null; buffer: ArrayBuffer; decodeMs: number };
