// Restoring a backup onto a new machine, on real files and against the real Region server: the chain is
// verified before anything is copied (a tampered backup is named by its entry), an enrolled till's journal is
// never replaced, the restore is the restored chain's next fact, a staged restore applies at the next start,
// the CLI does the same, and once the Region answers the chain records that the Region had seen debits past
// the restored head — then the restore is declared to the Region.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TillError } from '../../preload/contract/errors';
import type { DebitOutcome } from '../../preload/contract';
import { createTill, type Till } from '../core/till';
import { openJournal } from '../journal/journal';
import { fileKeyCipher } from '../secrets/secret-store';
import { startRegionServer, youthWithPass, type RegionHandle } from '../../test/support/region-server';
import { enrolAndLogIn, sell } from '../../test/support/till-calls';
import { makeTempDir } from '../../test/support/tmp';
import { tamperConnection } from '../../test/support/journal-fixtures';
import { COMMANDS } from '../cli/registry';
import { backupDatabase } from './backup-database';
import { applyStagedRestore, restoreJournal, stageRestore, STAGED_RESTORE_FILE } from './restore-journal';
import { reconcileRestoreWithRegion } from '../core/handlers/restore-region-check';

let region: RegionHandle;
let till: Till;
const tmp = makeTempDir('restore');
const key = join(tmp.dir, 'device.key');
const backup = join(tmp.dir, 'usb', 'backup.sqlite');
let headAtBackup = 0;

/** A new youth of the given name buys a cinema seat, 7 € of it from their wallet. */
async function sellTo(given: string): Promise<DebitOutcome> {
  const youth = await youthWithPass(region, {
    givenName: given,
    familyName: 'Martin',
    birthDate: '2007-03-14',
  });
  return sell(till, youth.token, { priceCents: 950, amountCents: 700 });
}

beforeAll(async () => {
  region = await startRegionServer();
  till = createTill({ dataDir: join(tmp.dir, 'old-pc'), cipher: fileKeyCipher(key) });
  await enrolAndLogIn(till, region, { partnerName: 'Cinéma Ariel', deviceName: 'Caisse 1', pin: '135790' });
  await sellTo('Léa');
  await till.context.anchors.flush();
  mkdirSync(join(tmp.dir, 'usb'));
  const copy = await backupDatabase(till.journal.path, backup);
  if (!copy.ok) throw new Error(copy.code);
  headAtBackup = till.journal.head().seq;
  // After the backup: another debit, anchored at the Region — the backup will be behind it.
  await sellTo('Inès');
  await till.context.anchors.flush();
  till.close();
}, 120_000);

afterAll(async () => {
  await region?.stop();
  tmp.remove();
});

describe('restoring a backup', () => {
  it('refuses a backup whose chain does not verify, naming the entry, and copies nothing', async () => {
    const tampered = join(tmp.dir, 'tampered.sqlite');
    copyFileSync(backup, tampered);
    const raw = tamperConnection(tampered);
    raw
      .prepare("UPDATE entries SET payload = replace(payload, '700', '900') WHERE kind = 'DEBIT_REQUESTED'")
      .run();
    raw.close();
    const dest = join(tmp.dir, 'pc-tampered', 'journal.sqlite');
    const error = await restoreJournal(tampered, dest, () => new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TillError);
    expect((error as TillError).code).toBe('JOURNAL_BROKEN');
    expect((error as TillError).params).toMatchObject({ problem: 'EDITED', seq: expect.any(Number) });
    expect(existsSync(dest)).toBe(false);
  });

  it("never replaces an enrolled till's journal", async () => {
    const error = await restoreJournal(
      backup,
      join(tmp.dir, 'old-pc', 'journal.sqlite'),
      () => new Date(),
    ).catch((e: unknown) => e);
    expect((error as TillError).code).toBe('RESTORE_TARGET_NOT_EMPTY');
  });

  it('copies a verified backup onto a new PC and records the restore as the chain’s next fact; the Region then shows it was behind', async () => {
    const dataDir = join(tmp.dir, 'new-pc');
    mkdirSync(dataDir);
    const report = await restoreJournal(backup, join(dataDir, 'journal.sqlite'), () => new Date());
    expect(report.headSeq).toBe(headAtBackup);
    const restored = openJournal(report.file, { readOnly: true });
    try {
      expect(restored.verify().ok).toBe(true);
      expect(restored.head().seq).toBe(headAtBackup + 1);
      expect(restored.get(headAtBackup + 1)).toMatchObject({
        kind: 'RESTORED',
        payload: { stage: 'local', file: 'backup.sqlite', headSeq: headAtBackup },
      });
    } finally {
      restored.close();
    }

    // The new PC starts (the same key file stands for a device token that still opens) and reaches the Region:
    // the till looks by itself (main/core/handlers/manage-handlers.ts), once, however often it is asked.
    const revived = createTill({ dataDir, cipher: fileKeyCipher(key) });
    try {
      const concurrent = await reconcileRestoreWithRegion(
        revived.journal,
        revived.context.link.authenticated(),
        revived.context.anchors,
      );
      await expect.poll(() => revived.journal.list({ kinds: ['RESTORED'] }).length).toBe(2);
      const noted = revived.journal.list({ kinds: ['RESTORED'] }).map((e) => e.payload);
      expect(noted[1]).toEqual({
        stage: 'behind-region',
        regionSeq: expect.any(Number),
        headSeq: headAtBackup,
        file: 'backup.sqlite',
      });
      expect(noted[1]!['regionSeq']).toBeGreaterThan(headAtBackup);
      expect(concurrent).toMatchObject({ done: true, behind: true, headSeq: headAtBackup });
      expect(revived.journal.verify().ok).toBe(true);
      // Done once: a second look finds nothing pending.
      expect(
        await reconcileRestoreWithRegion(
          revived.journal,
          revived.context.link.authenticated(),
          revived.context.anchors,
        ),
      ).toEqual({ done: false, reason: 'NOTHING_PENDING' });
    } finally {
      revived.close();
    }
  });

  it('stages a restore from the enrolment screen and applies it at the next start, replacing an unenrolled journal', async () => {
    const dataDir = join(tmp.dir, 'staged-pc');
    const fresh = createTill({ dataDir, cipher: fileKeyCipher(join(tmp.dir, 'fresh.key')) });
    const staged = await fresh.dispatch('manage.restore', { path: backup });
    expect(staged).toMatchObject({ ok: true, value: { headSeq: headAtBackup, restartRequired: true } });
    expect(await fresh.dispatch('manage.restore', { path: 'backup.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    fresh.close();
    expect(existsSync(join(dataDir, STAGED_RESTORE_FILE))).toBe(true);
    const applied = await applyStagedRestore(
      dataDir,
      () => new Date(),
      () => undefined,
    );
    expect(applied).toMatchObject({ headSeq: headAtBackup });
    expect(existsSync(join(dataDir, STAGED_RESTORE_FILE))).toBe(false);
    const reopened = openJournal(join(dataDir, 'journal.sqlite'), { readOnly: true });
    try {
      expect(reopened.verify().ok).toBe(true);
      expect(reopened.deviceId()).toBe(applied!.deviceId);
    } finally {
      reopened.close();
    }
    // Now enrolled: a second restore is refused.
    const again = await stageRestore(backup, dataDir).catch((e: unknown) => e);
    expect((again as TillError).code).toBe('RESTORE_TARGET_NOT_EMPTY');
  });

  it('is the same from the CLI: backup create, then backup restore', async () => {
    const out: string[] = [];
    const io = {
      out: (l: string) => out.push(l),
      err: (l: string) => out.push(`ERR ${l}`),
      now: () => new Date(),
    };
    const run = (name: string, args: string[]) => COMMANDS.find((c) => c.name === name)!.run(args, io);
    const copy = join(tmp.dir, 'cli-copy.sqlite');
    expect(await run('backup create', ['--db', backup, '--out', copy])).toBe(0);
    expect(await run('backup create', ['--db', backup, '--out', copy])).toBe(1);
    const dir = join(tmp.dir, 'cli-pc');
    mkdirSync(dir);
    expect(await run('backup restore', [copy, '--data-dir', dir])).toBe(0);
    expect(await run('backup restore', [copy, '--data-dir', dir])).toBe(1);
    expect(out.join('\n')).toMatch(/backup of \d+ entries/);
    expect(out.join('\n')).toMatch(/ERR DEST_EXISTS/);
    expect(out.join('\n')).toMatch(/restored \d+ entries of device D-/);
    expect(out.join('\n')).toMatch(/ERR RESTORE_TARGET_NOT_EMPTY/);
  });
});
