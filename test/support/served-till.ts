// The real till core in this test process, served in browser mode, enrolled for a new CINEMA partner of
// the given Region server with a manager logged in: for end-to-end tests that must reach inside the core
// (a fake HID device, the scanner statistics) while a browser drives the UI.
import { join } from 'node:path';
import type { HidBackend } from '../../native/hid';
import type { Category } from '../../protocol/catalogue';
import type { DebitOutcome } from '../../preload/contract';
import { createTill, type Till } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import type { RegionHandle } from './region-server';
import { ensureRendererBuilt } from './till-host';
import { enrolAndLogIn, sell, type Sale } from './till-calls';
import { makeTempDir } from './tmp';

export interface ServedTill {
  till: Till;
  host: BrowserHost;
  /** The counter's sale on this till (till-calls.ts). */
  sell(token: string, sale: Sale): Promise<DebitOutcome>;
  stop(): Promise<void>;
}

export async function startServedTill(
  region: RegionHandle,
  opts: { name: string; hidBackend?: HidBackend; accreditations?: Category[]; now?: () => number },
): Promise<ServedTill> {
  const tmp = makeTempDir('served-till');
  const till = createTill({
    dataDir: join(tmp.dir, 'data'),
    cipher: fileKeyCipher(join(tmp.dir, 'key')),
    hidBackend: opts.hidBackend ?? null,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const host = await startBrowserHost({
    dispatch: till.dispatch,
    events: till.events,
    staticDir: ensureRendererBuilt(),
  });
  await enrolAndLogIn(till, region, {
    partnerName: opts.name,
    accreditations: opts.accreditations ?? ['CINEMA'],
    deviceName: opts.name,
    pin: '1357',
  });
  return {
    till,
    host,
    sell: (token, sale) => sell(till, token, sale),
    stop: async () => {
      await host.close();
      till.close();
      tmp.remove();
    },
  };
}
