// Browser mode's side of the contract: calls as POST /api/call/<name>, events as server-sent events read
// with fetch (EventSource cannot send the secret header). The secret comes in the URL fragment once,
// then lives in sessionStorage only, and the fragment is wiped from the address bar.
import type { CallName, CallResult, EventName, Events, TillApi } from '../../../preload/contract';

const SECRET_KEY = 'atouts.till.secret';

export function takeSecret(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)k=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(SECRET_KEY);
}

type Listener = (payload: unknown) => void;

export function createHttpTransport(secret: string): TillApi {
  const listeners = new Map<EventName, Set<Listener>>();
  const headers = { 'content-type': 'application/json', 'x-till-secret': secret };

  async function readEvents(): Promise<void> {
    for (;;) {
      try {
        const res = await fetch('/api/events', { headers: { 'x-till-secret': secret }, cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (!event || data === undefined) continue;
            const payload: unknown = JSON.parse(data);
            for (const l of listeners.get(event as EventName) ?? []) l(payload);
          }
        }
      } catch {
        // The host restarted or the link dropped: reconnect shortly.
      }
      await new Promise((ok) => setTimeout(ok, 1000));
    }
  }
  void readEvents();

  return {
    transport: 'http',
    async invoke(name, input) {
      try {
        const res = await fetch(`/api/call/${name as CallName}`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ input }),
        });
        if (res.status === 401 || res.status === 403 || res.status === 421) {
          return { ok: false, error: { code: 'UNAUTHORIZED', detail: `HTTP ${res.status}` } };
        }
        return (await res.json()) as CallResult<never>;
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', detail: String(error) } };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}
