/** What every renderer-side scanner path yields; the same shape as the core's scan event. */
export interface RendererScan<S extends 'wedge' | 'webcam' = 'wedge' | 'webcam'> {
  text: string;
  source: S;
  /** ISO 8601. */
  receivedAt: string;
  /** Wedge: first key to Enter. Webcam: frame grab to decoded text. */
  durationMs: number;
}
