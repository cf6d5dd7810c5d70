// The one Content-Security-Policy of the till's page, in both hosts. No inline script, nothing remote:
// the till works offline and must not load code from anywhere but itself. 'wasm-unsafe-eval' lets the
// bundled QR decoder (WebAssembly) compile; it does not allow eval of JavaScript.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
