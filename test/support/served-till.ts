// The real till core in this test process, served in browser mode, enrolled for a new CINEMA partner of
// the given Region server with a manager logged in: for end-to-end tests that must reach inside the core
// (a fake HID device, the scanner statistics) while a browser drives the UI.
import { join } from 'node:path';
import type { HidBackend } from '../../native/hid';
import type { Category } from '../../protocol/catalogue';
import type { DebitOutcome, DebitRequest, ScanOutcome } from '../../preload/contract';
import { createTill, type Till } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import type { RegionHandle } from './region-server';
import { ensureRendererBuilt } from './till-host';
import { makeTempDir } from './tmp';

export interface ServedTill {
  till: Till;
  host: BrowserHost;
  /** A call that must succeed: its value, or a thrown error naming the code. */
  must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T;
  /**
   * The counter's sale in its two calls: the pass scanned as pasted, then the debit submitted on its card (a
   * cinema seat unless told); the outcome as the till gives it, pending included. A refused scan throws.
   */
  sell(token: string, sale: Sale): Promise<DebitOutcome>;
  stop(): Promise<void>;
}

export type Sale = Omit<DebitRequest, 'scanId' | 'category' | 'item'> &
  Partial<Pick<DebitRequest, 'category' | 'item'>>;

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
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };
  const partner = await region.admin.createPartner({
    name: opts.name,
    siret: '12345678900011',
    accreditations: opts.accreditations ?? ['CINEMA'],
  });
  must(
    await till.dispatch('till.enroll', {
      regionUrl: region.url,
      partnerId: partner.id,
      activationCode: partner.activationCode,
      deviceName: opts.name,
      managerName: 'Claire',
      managerPin: '1357',
    }),
  );
  const [manager] = must(await till.dispatch('staff.list', {})) as { id: string }[];
  must(await till.dispatch('staff.login', { staffId: manager!.id, pin: '1357' }));
  return {
    till,
    host,
    must,
    async sell(token, sale) {
      const scan = must(await till.dispatch('pass.scan', { text: token, source: 'paste' })) as ScanOutcome;
      if (scan.kind !== 'pass') throw new Error(`scan: ${scan.kind}`);
      return must(
        await till.dispatch('debit.submit', {
          scanId: scan.card.scanId,
          category: 'CINEMA',
          item: 'SEANCE',
          ...sale,
        }),
      ) as DebitOutcome;
    },
    stop: async () => {
      await host.close();
      till.close();
      tmp.remove();
    },
  };
}
