// The till one test file's tests share, started before them on the file's Region server and stopped after
// them: the core served in this process (served-till.ts) or the browser-mode host as a child process
// (till-host.ts). Apart from those two so that the benches, which start tills outside vitest, do not load
// the test runner.
import { madeBeforeAll } from './made-before-all';
import type { RegionHandle } from './region-server';
import { startServedTill, type ServedTill } from './served-till';
import { startTillHost, type TillHandle } from './till-host';

export function servedTillForTests(
  region: RegionHandle,
  opts: Parameters<typeof startServedTill>[1],
): ServedTill {
  return madeBeforeAll(
    'the served till',
    () => startServedTill(region, opts),
    (served) => served.stop(),
  );
}

export function tillHostForTests(opts: Parameters<typeof startTillHost>[0] = {}): TillHandle {
  return madeBeforeAll(
    'the till host',
    () => startTillHost(opts),
    (till) => till.stop(),
  );
}
