// The reference Region server that one test file's tests share: started before them, its clock fixed when the
// file says when "now" is and its offline policy set when the file gives one, stopped (its temp folder
// removed) after them.
import { madeBeforeAll } from './made-before-all';
import { startRegionServer, type AdminClient, type RegionHandle, type StartOptions } from './region-server';

export function regionForTests(
  opts: StartOptions & {
    now?: string | Date;
    offlinePolicy?: Parameters<AdminClient['setOfflinePolicy']>[0];
  } = {},
): RegionHandle {
  const { now, offlinePolicy, ...start } = opts;
  return madeBeforeAll(
    'the region server',
    async () => {
      const region = await startRegionServer(start);
      try {
        if (now) await region.admin.setClock(now);
        if (offlinePolicy) await region.admin.setOfflinePolicy(offlinePolicy);
      } catch (error) {
        await region.stop();
        throw error;
      }
      return region;
    },
    (region) => region.stop(),
  );
}
