// printer.*: a manager sets a network printer, a cashier prints (and reprints) a sale's receipt on it; real
// till, real Region server, the loopback fake printer reading the job back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DebitOutcome, StaffView } from '../../../preload/contract';
import { readJob, startFakePrinter } from '../../../test/support/fake-printer';
import { startRegionServer, youthWithPass, type RegionHandle } from '../../../test/support/region-server';
import { startServedTill, type ServedTill } from '../../../test/support/served-till';
import { must } from '../../../test/support/till-calls';

let region: RegionHandle;
let served: ServedTill;
let printer: Awaited<ReturnType<typeof startFakePrinter>>;
let debit: DebitOutcome;

beforeAll(async () => {
  region = await startRegionServer();
  printer = await startFakePrinter();
  served = await startServedTill(region, { name: 'Théâtre des Arts' });
  const lea = await youthWithPass(region, {
    givenName: 'Léa',
    familyName: 'Martin',
    birthDate: '2007-03-14',
  });
  debit = await served.sell(lea.token, { priceCents: 950, amountCents: 700 });
}, 60_000);
afterAll(async () => {
  await served?.stop();
  await printer?.close();
  await region?.stop();
});

it('prints on the network printer a manager chose, and a cashier may print but not choose', async () => {
  const { till } = served;
  expect(await must(till, 'printer.settings', {})).toMatchObject({
    kind: 'system',
    width: 80,
    autoPrint: false,
  });
  expect((await till.dispatch('printer.configure', { kind: 'network' })) as unknown).toMatchObject({
    ok: false,
    error: { code: 'INPUT_INVALID' },
  });
  await must(till, 'printer.configure', {
    kind: 'network',
    host: printer.host,
    port: printer.port,
    width: 58,
    autoPrint: true,
  });

  const cashier = await must<StaffView>(till, 'staff.add', {
    name: 'Karim Haddad',
    role: 'cashier',
    pin: '8642',
  });
  await must(till, 'staff.login', { staffId: cashier.id, pin: '8642' });
  expect(await till.dispatch('printer.configure', { width: 80 })).toMatchObject({
    ok: false,
    error: { code: 'ROLE_REQUIRED' },
  });
  for (let i = 0; i < 2; i++) await must(till, 'printer.printReceipt', { debitId: debit.debitId });
  await expect.poll(() => printer.jobs.length).toBe(2);
  for (const job of printer.jobs) {
    const read = readJob(job.bytes);
    expect(read.lines).toEqual(
      expect.arrayContaining(['Théâtre des Arts', 'Caisse tenue par : Claire', 'Bénéficiaire : Léa (L. M.)']),
    );
    expect(read.lines.find((l) => l.startsWith('Reste à payer'))).toMatch(/2,50 €$/);
    for (const line of read.lines) expect(line.length).toBeLessThanOrEqual(32);
    expect(read.cuts).toEqual(['full']);
  }
});
