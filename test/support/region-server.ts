// The reference Region server for every test in the project: the real CLI in a child process
// (region-server/launch.ts), on a free port with a temporary database, and a typed client for its /admin calls.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AdminClient } from '../../region-server/admin-client';
import { launchRegionServer, type RegionServer, type RegionServerOptions } from '../../region-server/launch';
import { makeTempDir } from './tmp';

export { AdminClient, AdminError } from '../../region-server/admin-client';
export type { Category, Faults, LedgerItem, WalletBalance } from '../../region-server/admin-client';

/** A running server; `stop()` also removes its temp folder unless a dbPath was given. */
export type RegionHandle = RegionServer;

export type StartOptions = Omit<RegionServerOptions, 'dbPath'> & { dbPath?: string };

export async function startRegionServer(opts: StartOptions = {}): Promise<RegionHandle> {
  if (opts.dbPath) return launchRegionServer({ ...opts, dbPath: opts.dbPath });
  const temp = makeTempDir('region');
  try {
    const server = await launchRegionServer({ ...opts, dbPath: join(temp.dir, 'region.db') });
    return {
      ...server,
      async stop() {
        await server.stop();
        temp.remove();
      },
    };
  } catch (error) {
    temp.remove();
    throw error;
  }
}

/** Léa Martin, another person each time: the Region takes one membership per person and season. */
export function anotherLea(): { givenName: string; familyName: string; birthDate: string } {
  return { givenName: 'Léa', familyName: `Martin-${randomUUID().slice(0, 8)}`, birthDate: '2007-03-14' };
}

/** A new youth at the Region, and a pass just minted for them: what a youth shows at the counter. */
export async function youthWithPass(
  region: RegionHandle,
  person: Parameters<AdminClient['createBeneficiary']>[0],
): Promise<{ id: string; token: string }> {
  const youth = await region.admin.createBeneficiary(person);
  return { id: youth.id, token: await region.admin.mintPass({ beneficiaryId: youth.id }) };
}

/** A new youth at the Region holding a coupon of theirs (the amount reserved on their wallet). */
export async function youthWithCoupon(
  region: RegionHandle,
  person: Parameters<AdminClient['createBeneficiary']>[0],
  coupon: Omit<Parameters<AdminClient['createCoupon']>[0], 'beneficiaryId'>,
): Promise<{ youth: { id: string }; coupon: Awaited<ReturnType<AdminClient['createCoupon']>> }> {
  const youth = await region.admin.createBeneficiary(person);
  return { youth, coupon: await region.admin.createCoupon({ beneficiaryId: youth.id, ...coupon }) };
}

/** A bons plans offer on registration, begun an hour ago and still open for `hoursLeft` hours. */
export function offerRunningNow(
  region: RegionHandle,
  offer: { partnerId: string; title: string; places: number; hoursLeft: number },
): Promise<{ id: string }> {
  const now = Date.now();
  return region.admin.createOffer({
    partnerId: offer.partnerId,
    title: offer.title,
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + offer.hoursLeft * 3_600_000).toISOString(),
    places: offer.places,
    designation: 'registration',
  });
}
