// update.*: what the shell's updater asks the core before installing (main/shell/updater.ts decides), the
// feed URL a manager may set on this till, and a manager's "Installer maintenant", passed to the shell as
// an event (the shell holds the updater; the core holds the session that says who is a manager).
import type { Handlers } from '../../transport/dispatch';
import type { ScanRegistry } from '../../pass/scan-registry';
import type { TillContext } from '../context';

type UpdateCalls = 'update.readiness' | 'update.feed' | 'update.configure' | 'update.installNow';

const FEED_KEY = 'update.feedUrl';

/** What says whether now is a good moment to install: a sale under way, what awaits the Region, the role. */
export type UpdateHandlerDeps = Pick<TillContext, 'journal' | 'status' | 'events' | 'cashierId'> & {
  readonly scans: Pick<ScanRegistry, 'hasOpenScans'>;
};

export function updateHandlers(ctx: UpdateHandlerDeps): Pick<Handlers, UpdateCalls> {
  return {
    'update.readiness': () => {
      const status = ctx.status();
      const last = ctx.journal.list({ kinds: ['DAY_CLOSED'], order: 'desc', limit: 1 })[0];
      return {
        saleInProgress: ctx.scans.hasOpenScans(),
        pendingCount: status.pendingCount,
        lastDayClosedAt: last?.at ?? null,
        role: status.staff?.role ?? 'none',
      };
    },
    'update.feed': () => ({ feedUrl: ctx.journal.settings.get<string | null>(FEED_KEY) ?? null }),
    'update.configure': (input) => {
      ctx.journal.settings.set(FEED_KEY, input.feedUrl);
      return { feedUrl: input.feedUrl };
    },
    'update.installNow': () => {
      ctx.events.emit('update', { action: 'install-now', by: ctx.cashierId() });
      return { requested: true };
    },
  };
}
