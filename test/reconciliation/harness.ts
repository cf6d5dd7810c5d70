// Tills enrolled with the reference Region server, on a clock the test moves (the server's and the
// tills' together), and the ways a test makes each side of a debit.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Category, Item } from '../../protocol/catalogue';
import type { DebitOutcome } from '../../preload/contract';
import { createTill, type Till } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import type { RegionHandle } from '../support/region-server';
import { makeTempDir } from '../support/tmp';

export interface SharedClock {
  now(): number;
  set(iso: string): Promise<void>;
}

export function sharedClock(region: RegionHandle, startIso: string): SharedClock {
  let ms = Date.parse(startIso);
  return {
    now: () => ms,
    async set(iso) {
      ms = Date.parse(iso);
      await region.admin.setClock(iso);
    },
  };
}

export interface TestTill {
  till: Till;
  dataDir: string;
  keyFile: string;
  deviceId: string;
  close(): void;
}

function ok<T>(r: { ok: true; value: unknown } | { ok: false; error: { code: string; detail?: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.detail ?? ''}`);
  return r.value as T;
}

export async function enrolledTill(
  region: RegionHandle,
  clock: SharedClock,
  partner: { id: string; activationCode: string },
  name: string,
): Promise<TestTill> {
  const tmp = makeTempDir(`recon-${name}`);
  const dataDir = join(tmp.dir, 'data');
  const keyFile = join(tmp.dir, 'host.key');
  const till = createTill({
    dataDir,
    cipher: fileKeyCipher(keyFile),
    now: () => clock.now(),
    immediateRetryDelaysMs: [],
  });
  ok(
    await till.dispatch('till.enroll', {
      regionUrl: region.url,
      partnerId: partner.id,
      activationCode: partner.activationCode,
      deviceName: name,
      managerName: 'Gérante',
      managerPin: '1234',
    }),
  );
  const staff = ok<{ id: string }[]>(await till.dispatch('staff.list', {}));
  ok(await till.dispatch('staff.login', { staffId: staff[0]!.id, pin: '1234' }));
  return {
    till,
    dataDir,
    keyFile,
    deviceId: till.journal.deviceId()!,
    close() {
      try {
        till.close();
      } catch {
        /* already closed */
      }
      tmp.remove();
    },
  };
}

export async function newYouth(region: RegionHandle): Promise<string> {
  const youth = await region.admin.createBeneficiary({
    givenName: 'Inès',
    familyName: `Lefèvre-${randomUUID().slice(0, 6)}`,
    birthDate: '2007-05-04',
  });
  return youth.id;
}

/** A debit through the till's own flow (scan, rules, journal, Region). */
export async function tillDebit(
  region: RegionHandle,
  t: TestTill,
  d: { category?: Category; item?: Item; amountCents?: number; priceCents?: number } = {},
): Promise<DebitOutcome> {
  const token = await region.admin.mintPass({ beneficiaryId: await newYouth(region) });
  const scan = ok<{ card: { scanId: string } }>(
    await t.till.dispatch('pass.scan', { text: token, source: 'paste' }),
  );
  const outcome = ok<DebitOutcome>(
    await t.till.dispatch('debit.submit', {
      scanId: scan.card.scanId,
      category: d.category ?? 'CINEMA',
      item: d.item ?? 'SEANCE',
      priceCents: d.priceCents ?? 950,
      amountCents: d.amountCents ?? 700,
    }),
  );
  if (outcome.status !== 'accepted') throw new Error(`debit ${outcome.status} ${outcome.code ?? ''}`);
  return outcome;
}

/** A debit the Region records from this device while its journal never hears of it. */
export async function regionOnlyDebit(
  region: RegionHandle,
  t: TestTill,
  clock: SharedClock,
  d: { category?: Category; item?: Item; amountCents?: number } = {},
): Promise<string> {
  const token = await region.admin.mintPass({ beneficiaryId: await newYouth(region) });
  const id = randomUUID();
  const outcome = await t.till.context.region().postDebit({
    id,
    deviceSeq: 900_000 + Math.floor(Math.random() * 1000),
    token,
    category: d.category ?? 'CINEMA',
    item: d.item ?? 'SEANCE',
    amountCents: d.amountCents ?? 500,
    priceCents: 950,
    occurredAt: new Date(clock.now()).toISOString(),
    mode: 'online',
    cashierId: 'test',
  });
  if (outcome.kind !== 'ok') throw new Error(`region-only debit: ${JSON.stringify(outcome)}`);
  return id;
}

/** A debit the journal records as requested (and, unless `acceptedAt` is null, accepted) that the Region never saw. */
export function journalOnlyDebit(
  t: TestTill,
  clock: SharedClock,
  d: { id?: string; category?: Category; item?: Item; amountCents?: number; accepted?: boolean } = {},
): string {
  const id = d.id ?? randomUUID();
  const at = new Date(clock.now()).toISOString();
  t.till.journal.append({
    kind: 'DEBIT_REQUESTED',
    cashierId: 'test',
    payload: {
      debitId: id,
      category: d.category ?? 'CINEMA',
      item: d.item ?? 'SEANCE',
      priceCents: 950,
      amountCents: d.amountCents ?? 600,
      mode: 'online',
      jti: `jti-${id}`,
      beneficiaryId: 'B-test',
      occurredAt: at,
      tokenExp: Math.floor(clock.now() / 1000) + 300,
    },
  });
  if (d.accepted !== false)
    t.till.journal.append({
      kind: 'DEBIT_ACCEPTED',
      cashierId: 'test',
      payload: { debitId: id, walletBalanceCents: 1400, acceptedAt: at },
    });
  return id;
}

export { ok };
