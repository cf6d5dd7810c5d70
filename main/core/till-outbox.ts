// The outbox as the till core runs it: wired to the shared context (Region link, events, status).
import type { TillContext } from './context';
import { debitOutcome } from '../debit/outcome-view';
import { Outbox, type OutboxDeps } from '../outbox/outbox';
import type { RequestStore } from '../outbox/request-store';
import { reconcileAfterSync } from '../reconciliation/reconcile';
import type { RegionLink } from '../region/region-link';

export type OutboxTuning = Partial<
  Pick<
    OutboxDeps,
    | 'backoff'
    | 'idleMs'
    | 'clockCheckEveryMs'
    | 'concurrency'
    | 'random'
    | 'refreshKeys'
    | 'refreshKeysEveryMs'
  >
> & {
  /** After each batch of answers recorded: the moment to anchor the journal's head at the Region. */
  afterRecorded?: () => void;
};

/**
 * The journal the outbox records in, and the Region link whose reachability and clock skew it keeps (each
 * change published with the status).
 */
export type TillOutboxDeps = Pick<TillContext, 'journal' | 'now' | 'log' | 'events' | 'publishStatus'> & {
  readonly link: Pick<RegionLink, 'authenticated' | 'online' | 'clockSkewMs'>;
};

export function createTillOutbox(
  ctx: TillOutboxDeps,
  store: RequestStore,
  { afterRecorded, ...tuning }: OutboxTuning = {},
): Outbox {
  const setOnline = (online: boolean) => {
    if (online === ctx.link.online) return;
    ctx.link.online = online;
    ctx.publishStatus();
  };
  return new Outbox({
    journal: ctx.journal,
    store,
    region: () => ctx.link.authenticated(),
    now: () => ctx.now(),
    onAnswered: (state) => ctx.events.emit('debit', debitOutcome(state)),
    onRecorded: () => {
      ctx.publishStatus();
      afterRecorded?.();
    },
    onReachability: setOnline,
    onClockSkew: (skewMs) => {
      const changed = ctx.link.clockSkewMs !== skewMs;
      ctx.link.clockSkewMs = skewMs;
      if (changed) ctx.publishStatus();
    },
    log: (message, fields) => ctx.log(message, fields),
    onSynced: async () => {
      const client = ctx.link.authenticated();
      if (!client) return;
      const results = await reconcileAfterSync({
        journal: ctx.journal,
        source: client,
        now: () => ctx.now(),
      });
      for (const r of results)
        if (r.error) ctx.log('reconciliation after sync failed', { month: r.month, code: r.error.code });
    },
    ...tuning,
  });
}
