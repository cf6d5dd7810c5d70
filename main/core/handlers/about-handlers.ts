// about.*: the À propos / État screen — versions, the Region (reachable, its last answer on record), what
// awaits it (with "Envoyer maintenant"), the offline keys' age and the offline policy in force.
import type { AboutView } from '../../../preload/contract';
import { appVersion } from '../../diagnostic/diagnostic-facts';
import type { Handlers } from '../../transport/dispatch';
import type { RegionLink } from '../../region/region-link';
import type { TillContext } from '../context';

type AboutCalls = 'about.get' | 'about.sendNow';

/** Entries that record an answer of the Region. */
const REGION_ANSWERS = [
  'DEBIT_ACCEPTED',
  'DEBIT_REFUSED',
  'DEBIT_VOIDED',
  'VOID_REFUSED',
  'COUPON_REDEEMED',
  'COUPON_REFUSED',
  'CHECKIN_RECORDED',
  'CHECKIN_REFUSED',
  'KEYS_REFRESHED',
  'ENROLLED',
  'RECONCILED',
] as const;

export type AboutHandlerDeps = Pick<TillContext, 'journal' | 'now' | 'status'> & {
  readonly link: Pick<RegionLink, 'keys'>;
};

export function aboutHandlers(
  ctx: AboutHandlerDeps,
  deps: { sendNow: () => void },
): Pick<Handlers, AboutCalls> {
  return {
    'about.get': (): AboutView => {
      const status = ctx.status();
      const keys = ctx.link.keys();
      const last = ctx.journal.list({ kinds: [...REGION_ANSWERS], order: 'desc', limit: 1 })[0];
      const fetchedAt = keys?.fetchedAt ?? null;
      return {
        versions: {
          app: appVersion(),
          electron: process.versions.electron ?? null,
          chromium: process.versions.chrome ?? null,
          node: process.versions.node,
          journalSchema: ctx.journal.storage().schemaVersion,
        },
        deviceId: status.deviceId,
        deviceName: status.deviceName,
        partnerName: status.partner?.name ?? null,
        regionUrl: status.regionUrl,
        online: status.online,
        lastRegionAnswerAt: last?.at ?? null,
        pendingCount: status.pendingCount,
        keysFetchedAt: fetchedAt,
        keysAgeHours:
          fetchedAt === null
            ? null
            : Math.max(0, Math.round(((ctx.now() - Date.parse(fetchedAt)) / 3600_000) * 10) / 10),
        offlinePolicy: status.offlinePolicy,
      };
    },
    'about.sendNow': () => {
      deps.sendNow();
      return { pendingCount: ctx.status().pendingCount };
    },
  };
}
