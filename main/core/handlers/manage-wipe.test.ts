// manage.wipe, the end of the partnership, on a real till against the Region server: the word and a
// manager's PIN (a wrong one refused and counted), refused while anything awaits the Region, then every
// personal-data file gone — names out of the journal and its backups, the outbox's file deleted — while the
// chain still verifies and records who wiped.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaffView, WipeView } from '../../../preload/contract';
import { openJournal } from '../../journal/journal';
import { backupDatabase } from '../../backup/backup-database';
import { startRegionServer, youthWithPass, type RegionHandle } from '../../../test/support/region-server';
import { startServedTill, type ServedTill } from '../../../test/support/served-till';
import { must } from '../../../test/support/till-calls';

let region: RegionHandle;
let served: ServedTill;
let manager: StaffView;

beforeAll(async () => {
  region = await startRegionServer();
  served = await startServedTill(region, { name: 'Cinéma Ariel' });
  const { till } = served;
  [manager] = await must<[StaffView]>(till, 'staff.list', {});
  const maelle = { givenName: 'Maëlle', familyName: 'Kowalczyk', birthDate: '2008-04-12' };
  const { token } = await youthWithPass(region, maelle);
  expect((await served.sell(token, { priceCents: 950, amountCents: 700 })).status).toBe('accepted');
  // A copy of the journal left in the data folder: the wipe reaches it too.
  mkdirSync(join(till.context.dataDir, 'backups'));
  const copy = await backupDatabase(till.journal.path, join(till.context.dataDir, 'backups', 'copy.sqlite'));
  if (!copy.ok) throw new Error(copy.code);
}, 60_000);
afterAll(async () => {
  await served?.stop();
  await region?.stop();
});

it('needs the word and a manager’s PIN, waits for the Region, then leaves no name anywhere and the chain intact', async () => {
  const { till } = served;
  const dataDir = till.context.dataDir;
  expect(
    await till.dispatch('manage.wipe', { confirm: 'OUI', managerId: manager.id, pin: '1357' }),
  ).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  expect(
    await till.dispatch('manage.wipe', { confirm: 'EFFACER', managerId: manager.id, pin: '9999' }),
  ).toMatchObject({ ok: false, error: { code: 'PIN_INVALID' } });
  expect(till.journal.list({ kinds: ['LOGIN_FAILED'] })).toHaveLength(1);
  expect(till.journal.persons.all()).toHaveLength(1);

  // A debit whose answer the network lost awaits the Region: the wipe waits for the outbox.
  await region.admin.setFaults({ dropAfterCommitRate: 1 });
  const theo = await youthWithPass(region, {
    givenName: 'Théo',
    familyName: 'Durand',
    birthDate: '2006-11-30',
  });
  await served.sell(theo.token, { priceCents: 950, amountCents: 500 });
  expect(till.status().pendingCount).toBeGreaterThan(0);
  expect(
    await till.dispatch('manage.wipe', { confirm: 'EFFACER', managerId: manager.id, pin: '1357' }),
  ).toMatchObject({ ok: false, error: { code: 'WIPE_PENDING' } });
  await region.admin.setFaults({ dropAfterCommitRate: 0 });
  till.outbox.kick();
  await expect.poll(() => till.status().pendingCount, { timeout: 20_000 }).toBe(0);

  const report = await must<WipeView>(till, 'manage.wipe', {
    confirm: 'EFFACER',
    managerId: manager.id,
    pin: '1357',
  });
  expect(report).toMatchObject({ personsRemoved: 2, copiesPurged: 1, verify: 'ok' });
  const copy = openJournal(join(dataDir, 'backups', 'copy.sqlite'), { readOnly: true });
  try {
    expect(copy.persons.all()).toEqual([]);
  } finally {
    copy.close();
  }
  expect(existsSync(join(dataDir, 'outbox.sqlite'))).toBe(false);
  const after = openJournal(join(dataDir, 'journal.sqlite'), { readOnly: true });
  try {
    expect(after.persons.all()).toEqual([]);
    expect(after.verify().ok).toBe(true);
    expect(after.list({ kinds: ['EXPORTED'] }).map((e) => e.payload)).toContainEqual({
      what: 'wipe',
      by: manager.id,
    });
  } finally {
    after.close();
  }
});
