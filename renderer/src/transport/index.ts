// The renderer picks its transport once, at start-up, and is otherwise identical in both hosts.
import type { TillApi } from '../../../preload/contract';
import { createHttpTransport, takeSecret } from './http-transport';

declare global {
  interface Window {
    till?: TillApi;
  }
}

export function connectTill(): TillApi | null {
  if (window.till) return window.till; // Electron: the preload bridge.
  const secret = takeSecret(window.location, window.sessionStorage, window.history);
  return secret ? createHttpTransport(secret) : null;
}
