// The reference Region server that one test file's tests share: started before them, its clock fixed when the
// file says when "now" is, stopped (its temp folder removed) after them.
import { madeBeforeAll } from './made-before-all';
import { startRegionServer, type RegionHandle, type StartOptions } from './region-server';

export function regionForTests(opts: StartOptions & { now?: string } = {}): RegionHandle {
  const { now, ...start } = opts;
  return madeBeforeAll(
    'the region server',
    async () => {
      const region = await startRegionServer(start);
      try {
        if (now) await region.admin.setClock(now);
      } catch (error) {
        await region.stop();
        throw error;
      }
      return region;
    },
    (region) => region.stop(),
  );
}
