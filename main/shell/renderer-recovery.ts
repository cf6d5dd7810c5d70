// When the page's renderer process dies (a crash, out of memory, killed by the OS), the shell reloads the
// window: the counter is back within a second, and the staff session comes back with it, since it lives in
// the core (main/core/), not in the page — the reloaded page asks the core's status and finds who is logged
// in. Kept free of electron so the decision is tested under Node; the shell wires it to webContents'
// 'render-process-gone' (Electron docs/api/web-contents.md; reasons from RenderProcessGoneDetails).
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

/** Past this many reloads within the window, the page is left as it is: a page that cannot start must not loop. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

export type RecoveryDecision =
  { action: 'reload' } | { action: 'none'; why: 'CLEAN_EXIT' | 'CANNOT_START' | 'TOO_MANY_CRASHES' };

/** Whether to reload after the renderer went away, given the times of the reloads already made. */
export function afterRendererGone(
  reason: GoneReason,
  reloadsAt: readonly number[],
  now: number,
): RecoveryDecision {
  if (reason === 'clean-exit') return { action: 'none', why: 'CLEAN_EXIT' };
  // A renderer that cannot even launch, or whose code failed its integrity check, would fail again.
  if (reason === 'launch-failed' || reason === 'integrity-failure')
    return { action: 'none', why: 'CANNOT_START' };
  const recent = reloadsAt.filter((t) => now - t < RELOAD_WINDOW_MS).length;
  return recent >= MAX_RELOADS ? { action: 'none', why: 'TOO_MANY_CRASHES' } : { action: 'reload' };
}
