// A test page mounting the renderer's scanner paths with nothing else around them. Tests and benches
// drive it through `window.harness`.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { createQrDecoder, type QrDecoderName, type RgbaImage } from '../../../renderer/src/scan/decoders';
import { createWedgeCapture, createWorkerQrDecoder, startWebcamScanner, type RendererScan } from '../../../renderer/src/scan';

const scans: RendererScan[] = [];
const fieldEvents: string[] = [];
/** Gaps between character keydowns as the page saw them: how fast the test really "typed". */
const keyGaps: number[] = [];
let lastKeyAt = 0;
window.addEventListener('keydown', (e) => {
  if (e.key === 'Shift') return;
  if (lastKeyAt) keyGaps.push(e.timeStamp - lastKeyAt);
  lastKeyAt = e.timeStamp;
}, { capture: true });
let stopWebcam: (() => void) | null = null;

document.querySelector('#field')?.addEventListener('input', (e) => fieldEvents.push((e.target as HTMLInputElement).value));

async function loadFrame(url: string): Promise<ImageData> {
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

async function timeDecodes(decode: (f: RgbaImage) => Promise<string | null>, frames: ImageData[], rounds: number): Promise<{ ms: number; decoded: number }> {
  let decoded = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of frames) if ((await decode(f)) !== null) decoded++;
  return { ms: performance.now() - t0, decoded };
}

const harness = {
  scans,
  fieldEvents,
  keyGaps,
  wedge(opts?: { maxGapMs?: number; minLength?: number }): void {
    createWedgeCapture(window, (s) => scans.push(s), opts);
  },
  async webcam(decoder: QrDecoderName): Promise<string> {
    try {
      const { stop } = await startWebcamScanner({ video: document.querySelector('video') as HTMLVideoElement, decoder, onScan: (s) => scans.push(s) });
      stopWebcam = stop;
      return 'started';
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  },
  stopWebcam(): void {
    stopWebcam?.();
  },
  /** Per-frame time of the bare decoder on this thread and of the worker pipeline, on the same frames. */
  async compare(urls: string[], decoder: QrDecoderName, rounds: number) {
    const frames = await Promise.all(urls.map(loadFrame));
    const bare = await createQrDecoder(decoder, { wasmUrl: new URL(wasmUrl, location.href).href });
    const worker = await createWorkerQrDecoder(decoder);
    // Warm both (WebAssembly compilation, JIT) before measuring.
    await timeDecodes((f) => bare.decode(f), frames.slice(0, 2), 1);
    await timeDecodes((f) => worker.decode(f), frames.slice(0, 2), 1);
    const b = await timeDecodes((f) => bare.decode(f), frames, rounds);
    const w = await timeDecodes((f) => worker.decode(f), frames, rounds);
    worker.close();
    const n = frames.length * rounds;
    return { bareMsPerFrame: b.ms / n, workerMsPerFrame: w.ms / n, bareDecoded: b.decoded, workerDecoded: w.decoded, frames: n };
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
document.body.dataset.ready = 'yes';
