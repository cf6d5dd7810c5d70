// One webcam frame as pixels for the decoder: scaled to fit 640×480 with its aspect ratio kept (QR
// modules must stay square), through a canvas reused from frame to frame.
export const WEBCAM_FRAME_WIDTH = 640;
export const WEBCAM_FRAME_HEIGHT = 480;

export interface FrameGrabber {
  grab(source: CanvasImageSource, sourceWidth: number, sourceHeight: number): ImageData;
}

export function createFrameGrabber(doc: Document = document): FrameGrabber {
  const canvas = doc.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('CAMERA_FAILED');
  return {
    grab(source, sourceWidth, sourceHeight) {
      const scale = Math.min(1, WEBCAM_FRAME_WIDTH / sourceWidth, WEBCAM_FRAME_HEIGHT / sourceHeight);
      const w = Math.round(sourceWidth * scale);
      const h = Math.round(sourceHeight * scale);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.drawImage(source, 0, 0, w, h);
      return ctx.getImageData(0, 0, w, h);
    },
  };
}
