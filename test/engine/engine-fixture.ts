// A till core enrolled with a real reference Region server, a manager logged in, and helpers to make
// debits the way the counter does (scan, then submit), for the engine's tests.
import { join } from 'node:path';
import { createTill, type Till, type TillOptions } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import type { CallName, CallOutput, CallInput } from '../../preload/contract';
import { youthWithPass, type Category, type RegionHandle } from '../support/region-server';
import { enrolAndLogIn, logInManager } from '../support/till-calls';
import { makeTempDir } from '../support/tmp';

let youthsMade = 0;

export const MANAGER_PIN = '2468';

export interface EngineFixture {
  till: Till;
  dataDir: string;
  partnerId: string;
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** The error code of a call expected to fail. */
  fail(name: CallName, input: unknown): Promise<string>;
  /** A fresh youth with a fresh pass, scanned: returns the scan id and the beneficiary id. */
  scanNewYouth(opts?: {
    wallets?: Partial<Record<'SPECTACLE' | 'CINEMA' | 'PRATIQUE' | 'LOCAL', number>>;
  }): Promise<{ scanId: string; beneficiaryId: string; source: string }>;
  /** Opens the till again on the same data folder (as after a restart). */
  reopen(extra?: Partial<TillOptions>): Promise<void>;
  close(): void;
}

export const FAST_TILL: Partial<TillOptions> = {
  immediateRetryDelaysMs: [20, 40],
  regionTimeoutMs: 3000,
  outbox: { backoff: { baseMs: 20, maxMs: 200 }, idleMs: 200 },
};

export async function engineFixture(
  region: RegionHandle,
  opts: { accreditations?: Category[]; till?: Partial<TillOptions>; dataDir?: string } = {},
): Promise<EngineFixture> {
  const tmp = makeTempDir('engine');
  const dataDir = opts.dataDir ?? join(tmp.dir, 'data');
  const tillOptions = (): TillOptions => ({
    dataDir,
    cipher: fileKeyCipher(join(tmp.dir, 'key')),
    ...FAST_TILL,
    ...opts.till,
  });
  let till = createTill(tillOptions());

  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const r = await till.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.detail ?? ''}`);
    return r.value as CallOutput<K>;
  }
  const { partnerId } = await enrolAndLogIn(till, region, {
    partnerName: 'Théâtre des Arts',
    accreditations: opts.accreditations ?? ['SPECTACLE', 'CINEMA', 'SPORT'],
    deviceName: 'Caisse 1',
    managerName: 'Claire Dubois',
    pin: MANAGER_PIN,
  });

  const fixture: EngineFixture = {
    get till() {
      return till;
    },
    dataDir,
    partnerId,
    call,
    async fail(name, input) {
      const r = await till.dispatch(name, input);
      if (r.ok) throw new Error(`${name} succeeded: ${JSON.stringify(r.value)}`);
      return r.error.code;
    },
    async scanNewYouth(o = {}) {
      // The Region takes one membership per person and season: each new youth is born another day.
      const birthDate = new Date(Date.UTC(2007, 2, 15 + youthsMade++)).toISOString().slice(0, 10);
      const youth = await youthWithPass(region, {
        givenName: 'Léa',
        familyName: 'Martin',
        birthDate,
        ...(o.wallets ? { wallets: o.wallets } : {}),
      });
      const scan = await call('pass.scan', { text: youth.token, source: 'paste' });
      if (scan.kind !== 'pass') throw new Error(`scan refused: ${JSON.stringify(scan)}`);
      return { scanId: scan.card.scanId, beneficiaryId: youth.id, source: scan.card.source };
    },
    async reopen(extra = {}) {
      till.close();
      till = createTill({ ...tillOptions(), ...extra });
      await logInManager(till, MANAGER_PIN);
    },
    close() {
      till.close();
      tmp.remove();
    },
  };
  return fixture;
}

/** The debit the counter submits for a SPECTACLE place on that scan: its price, and the part Atouts pays (all of it unless told). */
export const spectaclePlace = (scanId: string, priceCents: number, amountCents = priceCents) => ({
  scanId,
  category: 'SPECTACLE' as const,
  item: 'PLACE' as const,
  priceCents,
  amountCents,
});

/** Likewise for a CINEMA seat. */
export const cinemaSeat = (scanId: string, priceCents: number, amountCents = priceCents) => ({
  ...spectaclePlace(scanId, priceCents, amountCents),
  category: 'CINEMA' as const,
  item: 'SEANCE' as const,
});

/** The Region's ledger for one device, by debit id. */
export async function ledgerOf(region: RegionHandle, partnerId: string) {
  return (await region.admin.ledger()).filter((d) => d.partnerId === partnerId);
}
