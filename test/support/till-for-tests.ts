// The till one test file's tests share, started before them and stopped after them: the core served in
// this process (served-till.ts), the browser-mode host as a child process (till-host.ts), or a bare core
// behind the host for tests that speak HTTP. Apart from served-till.ts and till-host.ts so that the
// benches, which start tills outside vitest, do not load the test runner.
import { join } from 'node:path';
import { createTill, type Till, type TillOptions } from '../../main/core/till';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import type { Dispatch } from '../../main/transport/dispatch';
import { madeBeforeAll, standIn } from './made-before-all';
import type { RegionHandle } from './region-server';
import { startServedTill, type ServedTill } from './served-till';
import { startTillHost, type TillHandle } from './till-host';
import { makeTempDir } from './tmp';

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

/**
 * A fresh till core (not enrolled) in a temp folder, behind the browser-mode host with a known secret and
 * no renderer: `dispatch` may wrap the core's, to see what reaches it.
 */
export function hostedCoreForTests(opts: {
  secret: string;
  till?: Partial<TillOptions>;
  dispatch?: (core: Dispatch) => Dispatch;
}): { till: Till; host: BrowserHost } {
  const made = madeBeforeAll(
    'the hosted core',
    async () => {
      const tmp = makeTempDir('hosted-core');
      const till = createTill({
        dataDir: join(tmp.dir, 'data'),
        cipher: fileKeyCipher(join(tmp.dir, 'key')),
        ...opts.till,
      });
      const host = await startBrowserHost({
        dispatch: opts.dispatch?.(till.dispatch) ?? till.dispatch,
        events: till.events,
        staticDir: tmp.dir,
        secret: opts.secret,
      });
      return { till, host, tmp };
    },
    async ({ till, host, tmp }) => {
      await host.close();
      till.close();
      tmp.remove();
    },
  );
  return { till: standIn(() => made.till), host: standIn(() => made.host) };
}
