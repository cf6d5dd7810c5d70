// The session locks itself when nobody has touched the till for a while: a counter is often left alone.
export const IDLE_LOCK_MINUTES = 5;

/** Calls `onIdle` once after `idleMs` without a key press, click or touch on `target`; returns a stop function. */
export function watchIdle(
  target: Window,
  idleMs: number,
  onIdle: () => void,
  checkEveryMs = 5000,
): () => void {
  let last = Date.now();
  let fired = false;
  const touch = (): void => {
    last = Date.now();
  };
  const events = ['keydown', 'pointerdown', 'wheel'] as const;
  for (const e of events) target.addEventListener(e, touch, { capture: true, passive: true });
  const timer = target.setInterval(
    () => {
      if (!fired && Date.now() - last >= idleMs) {
        fired = true;
        onIdle();
      }
    },
    Math.min(checkEveryMs, idleMs),
  );
  return () => {
    target.clearInterval(timer);
    for (const e of events) target.removeEventListener(e, touch, { capture: true });
  };
}
