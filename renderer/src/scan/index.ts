// The renderer's scanner paths, for the UI to mount: keyboard wedge, webcam, and the shared deduper.
export { createWedgeCapture, type WedgeOptions } from './wedge-capture';
export { createScanDeduper, dedupeScans, type ScanDeduper } from './dedupe';
export type { RendererScan } from './scan-read';
export { usCharForCode } from './us-keymap';
export {
  DEFAULT_QR_DECODER,
  QR_DECODER_NAMES,
  type QrDecoder,
  type QrDecoderName,
  type RgbaImage,
} from './decoders/qr-decoder';
export {
  listCameras,
  startWebcamScanner,
  type CameraChoice,
  type WebcamErrorCode,
  type WebcamScannerOptions,
} from './webcam/webcam-scanner';
export { createWorkerQrDecoder, type WorkerQrDecoder } from './webcam/worker-decoder';
