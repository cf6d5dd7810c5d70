// Frames from the camera to the decode worker. Up to `maxInFlight` frames are out at once, so that the
// page grabs the next frame while the worker decodes the current one; a frame offered when the pipeline
// is full is dropped (a newer one follows), never queued behind stale ones.
import type { FrameGrabber } from './frame-grab';
import type { WorkerQrDecoder } from './worker-decoder';

export interface FrameResult {
  text: string | null;
  /** From grabbing the frame to the decoder's answer. */
  durationMs: number;
}

export interface FramePipeline {
  /** Grab and send one frame; false when the pipeline is full and the frame was dropped. */
  offer(source: CanvasImageSource, sourceWidth: number, sourceHeight: number): boolean;
  readonly inFlight: number;
}

export function createFramePipeline(
  decoder: WorkerQrDecoder,
  grabber: FrameGrabber,
  onResult: (result: FrameResult) => void,
  maxInFlight = 2,
): FramePipeline {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    offer(source, sourceWidth, sourceHeight) {
      if (inFlight >= maxInFlight) return false;
      const grabbedAt = performance.now();
      const frame = grabber.grab(source, sourceWidth, sourceHeight);
      inFlight++;
      // The grabbed frame is ours alone: hand its buffer over instead of copying it.
      void decoder.decodeOwned(frame).then((text) => {
        inFlight--;
        onResult({ text, durationMs: Math.round((performance.now() - grabbedAt) * 1000) / 1000 });
      });
      return true;
    },
  };
}
