// Group commit: the till-facing writes that arrive in the same turn of the event loop run one after the
// other inside a single SQLite transaction, each in its own savepoint, and all are answered after that
// one synced commit. Semantics stay those of running them one by one (same order, same checks, a
// failing write rolls back alone), but eight tills share one fsync instead of queueing for eight.
import type { Db } from './open-database';

interface Job {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  /** Runs `write` in the next batch; resolves once the batch is durably committed. */
  submit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const settled: Settled[] = [];
    try {
      this.db.transaction(() => {
        for (const job of batch) {
          try {
            // A nested transaction is a savepoint: a write that throws undoes only itself.
            settled.push({ ok: true, value: this.db.transaction(job.run)() });
          } catch (error) {
            settled.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = settled[i];
      if (outcome?.ok) job.resolve(outcome.value);
      else job.reject(outcome?.error);
    });
  }
}
