/// <reference types="vite/client" />
// A test page mounting the renderer's scanner paths with nothing else around them. Tests and benches
// drive it through `window.harness`.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { createQrDecoder, type QrDecoderName } from '../../../renderer/src/scan/decoders';
import {
  createWedgeCapture,
  createWorkerQrDecoder,
  startWebcamScanner,
  type RendererScan,
} from '../../../renderer/src/scan';
import { createFrameGrabber } from '../../../renderer/src/scan/webcam/frame-grab';
import { createFramePipeline } from '../../../renderer/src/scan/webcam/frame-pipeline';

const scans: RendererScan[] = [];
const fieldEvents: string[] = [];
/** Gaps between character keydowns as the page saw them: how fast the test really "typed". */
const keyGaps: number[] = [];
let lastKeyAt = 0;
window.addEventListener(
  'keydown',
  (e) => {
    if (e.key === 'Shift') return;
    if (lastKeyAt) keyGaps.push(e.timeStamp - lastKeyAt);
    lastKeyAt = e.timeStamp;
  },
  { capture: true },
);
let stopWebcam: (() => void) | null = null;

document
  .querySelector('#field')
  ?.addEventListener('input', (e) => fieldEvents.push((e.target as HTMLInputElement).value));

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

const harness = {
  scans,
  fieldEvents,
  keyGaps,
  wedge(opts?: { maxGapMs?: number; minLength?: number }): void {
    createWedgeCapture(window, (s) => scans.push(s), opts);
  },
  async webcam(decoder: QrDecoderName): Promise<string> {
    try {
      const { stop } = await startWebcamScanner({
        video: document.querySelector('video') as HTMLVideoElement,
        decoder,
        onScan: (s) => scans.push(s),
      });
      stopWebcam = stop;
      return 'started';
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  },
  stopWebcam(): void {
    stopWebcam?.();
  },
  /**
   * Per-frame time, on the same frames, of the bare decoder on this thread (grab the frame through the
   * scaling canvas, decode here: a scanner without a worker) and of the webcam pipeline as the scanner
   * runs it (grab here, decode in the worker, frames offered as fast as the pipeline accepts them).
   */
  async compare(urls: string[], decoder: QrDecoderName, rounds: number) {
    const frames = await Promise.all(urls.map(loadFrame));
    // Decoded pixels, as a camera's frames are (a bitmap straight from a PNG blob may be decoded at each draw).
    const bitmaps = await Promise.all(frames.map((f) => createImageBitmap(f)));
    const bare = await createQrDecoder(decoder, { wasmUrl: new URL(wasmUrl, location.href).href });
    const worker = await createWorkerQrDecoder(decoder);
    const bareGrabber = createFrameGrabber();
    const runBare = async (): Promise<{ ms: number; decoded: number }> => {
      let decoded = 0;
      const t0 = performance.now();
      for (const b of bitmaps)
        if ((await bare.decode(bareGrabber.grab(b, b.width, b.height))) !== null) decoded++;
      return { ms: performance.now() - t0, decoded };
    };
    const realGrabber = createFrameGrabber();
    let grabMs = 0;
    const grabber = {
      grab(source: CanvasImageSource, w: number, h: number): ImageData {
        const t0 = performance.now();
        const f = realGrabber.grab(source, w, h);
        grabMs += performance.now() - t0;
        return f;
      },
    };
    const runPipeline = (): Promise<{ ms: number; decoded: number }> =>
      new Promise((resolve) => {
        let decoded = 0;
        let answered = 0;
        let next = 0;
        const t0 = performance.now();
        const feed = (): void => {
          while (next < bitmaps.length) {
            const b = bitmaps[next] as ImageBitmap;
            if (!pipeline.offer(b, b.width, b.height)) return;
            next++;
          }
        };
        const pipeline = createFramePipeline(worker, grabber, ({ text }) => {
          if (text !== null) decoded++;
          if (++answered === bitmaps.length) resolve({ ms: performance.now() - t0, decoded });
          else feed();
        });
        feed();
      });
    // Warm both (WebAssembly compilation, JIT) before measuring.
    await runBare();
    await runPipeline();
    // Interleave the two in rounds so that a noisy neighbour on this machine hits both alike.
    const b = { ms: 0, decoded: 0 };
    const w = { ms: 0, decoded: 0 };
    const before = worker.stats();
    grabMs = 0;
    for (let r = 0; r < rounds; r++) {
      const br = await runBare();
      const wr = await runPipeline();
      b.ms += br.ms;
      b.decoded += br.decoded;
      w.ms += wr.ms;
      w.decoded += wr.decoded;
    }
    const after = worker.stats();
    worker.close();
    const n = frames.length * rounds;
    return {
      bareMsPerFrame: b.ms / n,
      workerMsPerFrame: w.ms / n,
      /** Of the pipeline's time, the part spent decoding inside the worker. */
      workerDecodeMsPerFrame: (after.decodeMs - before.decodeMs) / (after.frames - before.frames),
      grabMsPerFrame: grabMs / n,
      bareDecoded: b.decoded,
      workerDecoded: w.decoded,
      frames: n,
    };
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
document.body.dataset.ready = 'yes';
