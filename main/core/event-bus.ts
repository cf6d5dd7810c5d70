// Events the till pushes to the UI (scans from USB scanners, status, debit updates). Both transports
// subscribe here; the core never knows which one is listening.
import type { EventName, Events } from '../../preload/contract';

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken listener (a closed window, a dropped SSE stream) must not stop the others or the core.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
