// While the till believes the Region unreachable, it asks the Region's health endpoint now and then, so the
// HORS LIGNE banner clears by itself when the network comes back, even with nothing pending and nobody
// scanning (the outbox only calls the Region when it has something to send).

export interface ReachabilityWatch {
  /** Whether the till believes the Region unreachable now. */
  isOffline(): boolean;
  /** One cheap call to the Region; true when it answered. The caller records the answer (online/offline). */
  probe(): Promise<boolean>;
  /** The Region answered after being unreachable: send what waits. */
  onBack(): void;
  intervalMs: number;
}

/** Starts watching; returns the function that stops it. One probe at a time, whatever the interval. */
export function watchReachability(watch: ReachabilityWatch): () => void {
  let probing = false;
  const timer = setInterval(() => {
    if (probing || !watch.isOffline()) return;
    probing = true;
    void watch
      .probe()
      .then((back) => {
        if (back) watch.onBack();
      })
      .catch(() => undefined)
      .finally(() => {
        probing = false;
      });
  }, watch.intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
