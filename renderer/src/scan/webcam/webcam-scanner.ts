// The webcam path: a camera the partner chooses, its live preview in a <video>, frames scaled to about
// 640×480 and decoded in a worker at 10–15 fps, one frame at a time; the camera is released while the
// page is hidden and taken again when it comes back.
import { DEFAULT_QR_DECODER, type QrDecoderName } from '../decoders/qr-decoder';
import { createScanDeduper } from '../dedupe';
import type { RendererScan } from '../scan-read';
import { createFrameGrabber, WEBCAM_FRAME_HEIGHT, WEBCAM_FRAME_WIDTH, type FrameGrabber } from './frame-grab';
import { createFramePipeline } from './frame-pipeline';
import { createWorkerQrDecoder } from './worker-decoder';

export { WEBCAM_FRAME_HEIGHT, WEBCAM_FRAME_WIDTH } from './frame-grab';

export interface CameraChoice {
  deviceId: string;
  label: string;
}

/** The cameras to offer; labels are empty until the page has camera permission once. */
export async function listCameras(): Promise<CameraChoice[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Caméra ${i + 1}` }));
}

export type WebcamErrorCode = 'CAMERA_DENIED' | 'CAMERA_NOT_FOUND' | 'CAMERA_FAILED' | 'DECODER_LOAD_FAILED';

export interface WebcamScannerOptions {
  video: HTMLVideoElement;
  deviceId?: string;
  onScan: (scan: RendererScan<'webcam'>) => void;
  decoder?: QrDecoderName;
  /** Frames decoded per second at most. */
  fps?: number;
  onError?: (code: WebcamErrorCode) => void;
}

function cameraErrorCode(err: unknown): WebcamErrorCode {
  const name = err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'CAMERA_DENIED';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'CAMERA_NOT_FOUND';
  return 'CAMERA_FAILED';
}

/** Start the camera and decoding; rejects with an Error whose message is a WebcamErrorCode. */
export async function startWebcamScanner(opts: WebcamScannerOptions): Promise<{ stop(): void }> {
  const { video } = opts;
  const interval = 1000 / Math.min(15, Math.max(1, opts.fps ?? 15));
  let decoder;
  try {
    decoder = await createWorkerQrDecoder(opts.decoder ?? DEFAULT_QR_DECODER);
  } catch {
    throw new Error('DECODER_LOAD_FAILED');
  }
  let grabber: FrameGrabber;
  try {
    grabber = createFrameGrabber();
  } catch {
    decoder.close();
    throw new Error('CAMERA_FAILED');
  }
  const deduper = createScanDeduper(1000);
  let stream: MediaStream | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const acquire = async (): Promise<void> => {
    const constraints: MediaStreamConstraints = {
      audio: false,
      video: {
        ...(opts.deviceId ? { deviceId: { exact: opts.deviceId } } : {}),
        width: { ideal: WEBCAM_FRAME_WIDTH },
        height: { ideal: WEBCAM_FRAME_HEIGHT },
        frameRate: { ideal: 15 },
      },
    };
    const s = await navigator.mediaDevices.getUserMedia(constraints);
    if (stopped || document.hidden) {
      for (const t of s.getTracks()) t.stop();
      return;
    }
    stream = s;
    video.muted = true;
    video.playsInline = true;
    video.srcObject = s;
    await video.play().catch(() => undefined);
  };

  const release = (): void => {
    if (stream) for (const t of stream.getTracks()) t.stop();
    stream = null;
    video.srcObject = null;
  };

  const pipeline = createFramePipeline(decoder, grabber, ({ text, durationMs }) => {
    if (text === null || stopped || !deduper.accept(text)) return;
    opts.onScan({ text, source: 'webcam', receivedAt: new Date().toISOString(), durationMs });
  });

  const tick = (): void => {
    timer = setTimeout(tick, interval);
    if (!stream || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) return;
    pipeline.offer(video, video.videoWidth, video.videoHeight);
  };

  const onVisibility = (): void => {
    if (document.hidden) release();
    else if (!stream && !stopped) acquire().catch((err: unknown) => opts.onError?.(cameraErrorCode(err)));
  };

  try {
    if (!document.hidden) await acquire();
  } catch (err) {
    decoder.close();
    throw new Error(cameraErrorCode(err));
  }
  document.addEventListener('visibilitychange', onVisibility);
  tick();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      release();
      decoder.close();
    },
  };
}
