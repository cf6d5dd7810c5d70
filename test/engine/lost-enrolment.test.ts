// A till whose device token can no longer be opened — the key file emptied by a power cut, damaged, or
// replaced — starts anyway, says so with a code (DEVICE_SECRET_UNREADABLE) in its status and on every
// Region call, and can enrol again as the same device with a fresh activation code and a manager's PIN:
// its journal is intact, the chain verifies, pending debits are delivered and new debits work.
// Real files, the real reference Region server over loopback. Also: the data folder is owner-only.
import { readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/dispatch';
import { COMMANDS } from '../../main/cli/registry';
import { regionForTests } from '../support/region-for-tests';
import { engineFixture, MANAGER_PIN, type EngineFixture } from './engine-fixture';

const region = regionForTests();

const posix = process.platform !== 'win32';
const modeOf = (path: string) => statSync(path).mode & 0o777;

let youths = 0;
/** A pass of a youth of their own (the Region refuses the same person twice in a season). */
async function freshPass(): Promise<string> {
  youths += 1;
  const youth = await region.admin.createBeneficiary({
    givenName: `Léa${youths}`,
    familyName: `Martin${process.pid}`,
    birthDate: '2007-03-14',
  });
  return region.admin.mintPass({ beneficiaryId: youth.id });
}

async function debit(f: EngineFixture) {
  const scan = await f.call('pass.scan', { text: await freshPass(), source: 'paste' });
  if (scan.kind !== 'pass') throw new Error(`scan refused: ${JSON.stringify(scan)}`);
  return f.call('debit.submit', {
    scanId: scan.card.scanId,
    category: 'CINEMA',
    item: 'SEANCE',
    priceCents: 900,
    amountCents: 500,
  });
}

describe.each([
  ['emptied by a power cut', (key: string) => truncateSync(key, 0)],
  ['overwritten by another key', (key: string) => writeFileSync(key, Buffer.alloc(32, 9).toString('base64'))],
])('a till whose key file was %s', (_what, damage) => {
  let f: EngineFixture;
  afterAll(() => f?.close());

  it('reports DEVICE_SECRET_UNREADABLE instead of crashing, and enrols again keeping its journal', async () => {
    f = await engineFixture(region);
    const keyFile = join(dirname(f.dataDir), 'key');
    expect((await debit(f)).status).toBe('accepted');
    expect((await debit(f)).status).toBe('accepted');
    // One more whose answer is lost: it waits in the outbox, across the loss of the key.
    await region.admin.setFaults({ dropAfterCommitRate: 1 });
    expect((await debit(f)).status).toBe('pending');
    await region.admin.setFaults({});
    expect(f.till.journal.verify().ok).toBe(true);
    const entriesBefore = f.till.journal.list({}).length;

    damage(keyFile);
    await f.reopen();
    const status = f.till.status();
    expect(status).toMatchObject({
      enrolled: true,
      deviceSecret: 'unreadable',
      secretProtection: { store: 'owner-only-file' },
      pendingCount: 1,
    });
    expect(await f.till.outbox.drain({ timeoutMs: 500, maxPauseMs: 50 })).toBe(1);
    expect(await f.fail('pass.scan', { text: await freshPass(), source: 'paste' })).toBe(
      'DEVICE_SECRET_UNREADABLE',
    );
    expect(
      await f.fail('till.enroll', {
        regionUrl: region.url,
        partnerId: f.partnerId,
        activationCode: 'X',
        deviceName: 'Caisse 2',
        managerName: 'Z',
        managerPin: '1111',
      }),
    ).toBe('ALREADY_ENROLLED');
    // The CLI, on the same files, says it with the code too.
    const err: string[] = [];
    const cli = await runCli(
      COMMANDS,
      ['reconcile', '--db', join(f.dataDir, 'journal.sqlite'), '--key-file', keyFile, '--month', '2026-11'],
      { out: () => undefined, err: (line) => err.push(line), now: () => new Date() },
    );
    expect({ cli, err: err.join('\n') }).toMatchObject({
      cli: 2,
      err: expect.stringContaining('DEVICE_SECRET_UNREADABLE'),
    });

    const { activationCode } = await region.admin.newActivationCode(f.partnerId);
    const manager = (await f.call('staff.list', {})).find((s) => s.role === 'manager');
    expect(manager).toBeDefined();
    expect(
      await f.fail('till.reenroll', { activationCode, managerId: manager!.id, managerPin: '0000' }),
    ).toBe('PIN_INVALID');
    expect(
      await f.fail('till.reenroll', {
        activationCode: 'NOPE-NOPE',
        managerId: manager!.id,
        managerPin: MANAGER_PIN,
      }),
    ).toBe('ACTIVATION_INVALID');
    const after = await f.call('till.reenroll', {
      activationCode,
      managerId: manager!.id,
      managerPin: MANAGER_PIN,
    });
    expect(after).toMatchObject({ enrolled: true, deviceSecret: 'ok', deviceId: status.deviceId });

    // The journal is the same one, grown by the re-enrolment; the chain verifies end to end.
    const entries = f.till.journal.list({});
    expect(entries.length).toBeGreaterThan(entriesBefore);
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect(f.till.journal.list({}).filter((e) => e.kind === 'DEBIT_ACCEPTED')).toHaveLength(3);
    expect(
      entries.some(
        (e) => e.kind === 'ENROLLED' && (e.payload as { reenrolment?: boolean }).reenrolment === true,
      ),
    ).toBe(true);
    expect(f.till.journal.verify().ok).toBe(true);
    expect(
      await f.fail('till.reenroll', { activationCode, managerId: manager!.id, managerPin: MANAGER_PIN }),
    ).toBe('ALREADY_ENROLLED');

    // New debits work, after a restart too, under the same device at the Region.
    expect((await debit(f)).status).toBe('accepted');
    await f.reopen();
    expect(f.till.status().deviceSecret).toBe('ok');
    expect((await debit(f)).status).toBe('accepted');
    const ledger = (await region.admin.ledger()).filter((d) => d.deviceId === status.deviceId);
    expect(ledger).toHaveLength(5);
    expect(f.till.journal.verify().ok).toBe(true);
  });
});

describe('the data folder at rest', () => {
  it.skipIf(!posix)(
    'is 0700, and the journal, the request store and their -wal/-shm files are 0600, whatever the umask',
    async () => {
      const previous = process.umask(0o022);
      let f: EngineFixture | undefined;
      try {
        f = await engineFixture(region);
        expect((await debit(f)).status).toBe('accepted');
        const files = readdirSync(f.dataDir);
        expect(files).toEqual(
          expect.arrayContaining(['journal.sqlite', 'journal.sqlite-wal', 'journal.sqlite-shm']),
        );
        expect(files.some((name) => name.endsWith('-wal') && !name.startsWith('journal'))).toBe(true);
        expect(modeOf(f.dataDir)).toBe(0o700);
        expect(Object.fromEntries(files.map((name) => [name, modeOf(join(f!.dataDir, name))]))).toEqual(
          Object.fromEntries(files.map((name) => [name, 0o600])),
        );
        expect(modeOf(join(dirname(f.dataDir), 'key'))).toBe(0o600);
      } finally {
        f?.close();
        process.umask(previous);
      }
    },
  );
});
