// Who is at the till, kept by the core. The page locks itself after 5 minutes without a key press
// (renderer/src/shell/idle-lock.ts), but a page can be closed, or never loaded, while the core keeps the
// session open for whoever calls next (a browser-mode URL in other hands): the core ends a session of its
// own once no call has come for SESSION_IDLE_MS.
import type { StaffView } from '../../preload/contract';

/** Longer than the page's own lock, so the page always locks first in normal use. */
export const SESSION_IDLE_MS = 10 * 60_000;

export class StaffSession {
  private staff: StaffView | null = null;
  private lastCallMs = 0;

  constructor(
    /** Monotonic milliseconds (performance.now in the till): wall-clock jumps must not count as idleness. */
    private readonly now: () => number,
    /** Told when the core ends a session for idleness (journal it, publish the status). */
    private readonly onIdleExpiry: (staff: StaffView) => void,
    private readonly idleMs: number = SESSION_IDLE_MS,
  ) {}

  /** The open session, ending it first if it has been idle too long. */
  current(): StaffView | null {
    if (this.staff && this.now() - this.lastCallMs >= this.idleMs) {
      const expired = this.staff;
      this.staff = null;
      this.onIdleExpiry(expired);
    }
    return this.staff;
  }

  /** A call arrived: the session (if still open) stays alive for another idle period. */
  touch(): StaffView | null {
    const staff = this.current();
    if (staff) this.lastCallMs = this.now();
    return staff;
  }

  set(staff: StaffView | null): void {
    this.staff = staff;
    this.lastCallMs = this.now();
  }
}
