// The core in its own process dies mid-debit and comes back: SIGKILL the forked core while its debit is
// in flight (durably requested, the Region still working on it), and the supervisor restarts it; the new
// core's outbox finishes the debit with the same idempotency key; the Region's ledger and the journal
// each hold it once, and the hash chain verifies. Real Region server, real SQLite files, the real entry.
// Also: an uncaught error in the core is logged, and the core restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreSupervisor } from '../../main/core-process/supervisor';
import { nodeCoreLauncher } from '../../main/core-process/node-launcher';
import { openJournal } from '../../main/journal/journal';
import { JOURNAL_FILE_NAME } from '../../main/journal/wipe';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { makeTempDir } from '../support/tmp';
import { ledgerDifferences } from '../engine/ledger-match';
import { until } from './until';

let region: RegionHandle;
/** How long the Region holds each request while the core is killed. */
const HELD_MS = 1_500;
const temps: { remove(): void }[] = [];

beforeAll(async () => {
  region = await startRegionServer();
}, 60_000);

afterAll(async () => {
  await region?.stop();
  temps.forEach((t) => t.remove());
});

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string } };

function must<T>(result: Result): T {
  if (!result.ok) throw new Error(`call failed: ${result.error.code}`);
  return result.value as T;
}

/** Entries of `kind` in the journal file, read from outside the core (WAL readers never block the writer). */
function entriesOf(dataDir: string, kind: string): { payload: { debitId?: string } }[] {
  const db = new Database(join(dataDir, JOURNAL_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare('SELECT payload FROM entries WHERE kind = ? ORDER BY seq').all(kind) as { payload: string }[]
    ).map((r) => ({
      payload: JSON.parse(r.payload) as { debitId?: string },
    }));
  } finally {
    db.close();
  }
}

function supervisedCore(dataDir: string, keyFile: string, entry?: string) {
  const logs: Record<string, unknown>[] = [];
  let coreLog = '';
  const core = new CoreSupervisor({
    launch: nodeCoreLauncher({
      ...(entry ? { entry } : {}),
      args: ['--data-dir', dataDir, '--key-file', keyFile, '--no-hid'],
      onStderr: (text) => (coreLog += text),
    }),
    log: (message, fields) => logs.push({ message, ...fields }),
    backoffMs: [50, 200],
  });
  return { core, logs, coreLog: () => coreLog };
}

type Supervised = ReturnType<typeof supervisedCore> & { dataDir: string };

/** A supervised core on a fresh folder for the length of `body`, stopped after it whatever happens. */
async function withCore(
  prefix: string,
  options: { entry?: string; dataDirIsFile?: boolean },
  body: (running: Supervised) => Promise<void>,
): Promise<void> {
  const tmp = makeTempDir(prefix);
  temps.push(tmp);
  const dataDir = join(tmp.dir, 'data');
  // A data folder that is a file: the till cannot open there, whatever the user's rights.
  if (options.dataDirIsFile) writeFileSync(dataDir, '');
  const running = { ...supervisedCore(dataDir, join(tmp.dir, 'host.key'), options.entry), dataDir };
  await running.core.start();
  try {
    await body(running);
  } finally {
    await running.core.stop();
  }
}

async function enrolAndLogIn(core: CoreSupervisor, name: string): Promise<string> {
  const partner = await region.admin.createPartner({
    name,
    siret: '12345678900011',
    accreditations: ['CINEMA'],
  });
  must(
    await core.call('till.enroll', {
      regionUrl: region.url,
      partnerId: partner.id,
      activationCode: partner.activationCode,
      deviceName: name,
      managerName: 'Claire',
      managerPin: '2468',
    }),
  );
  await logIn(core);
  return partner.id;
}

async function logIn(core: CoreSupervisor): Promise<void> {
  const [manager] = must<{ id: string }[]>(await core.call('staff.list', {}));
  must(await core.call('staff.login', { staffId: manager!.id, pin: '2468' }));
}

describe('the core process under its supervisor', () => {
  it('finishes a debit after a SIGKILL mid-debit: once in the ledger, once in the journal, chain intact', async () => {
    await withCore('core-kill', {}, async ({ core, logs, dataDir }) => {
      try {
        const partnerId = await enrolAndLogIn(core, 'Cinéma Kill');
        const youth = await region.admin.createBeneficiary({
          givenName: 'Inès',
          familyName: 'Kill',
          birthDate: '2007-03-14',
        });
        const scan = must<{ kind: string; card: { scanId: string } }>(
          await core.call('pass.scan', {
            text: await region.admin.mintPass({ beneficiaryId: youth.id }),
            source: 'paste',
          }),
        );
        expect(scan.kind).toBe('pass');

        // The Region holds every request for a while: the debit is durably requested, its answer not yet in.
        await region.admin.setFaults({ latencyMs: HELD_MS });
        const firstPid = core.pid;
        const submittedAt = Date.now();
        const submitted = core.call('debit.submit', {
          scanId: scan.card.scanId,
          category: 'CINEMA',
          item: 'SEANCE',
          priceCents: 950,
          amountCents: 700,
        });
        const [requested] = await until('the durable DEBIT_REQUESTED', () => {
          const found = entriesOf(dataDir, 'DEBIT_REQUESTED');
          return found.length > 0 ? found : undefined;
        });
        const debitId = requested!.payload.debitId!;
        process.kill(firstPid!, 'SIGKILL');

        // The caller cannot know whether the debit went through: it is told the core restarted.
        expect(await submitted).toEqual({ ok: false, error: { code: 'CORE_RESTARTED' } });
        // A call made while no core runs waits for the next one.
        expect(core.isReady).toBe(false);
        const queued = core.call('till.status', {});
        await region.admin.setFaults({ latencyMs: 0 });
        expect(await queued).toMatchObject({ ok: true, value: { enrolled: true, staff: null } });
        await until('a new core', () => (core.isReady && core.pid !== firstPid ? true : undefined));
        expect(core.crashCount).toBe(1);
        expect(logs.some((l) => l.message === 'core exited: restarting' && l.signal === 'SIGKILL')).toBe(
          true,
        );

        // The new core's outbox resends the debit with its idempotency key and journals the answer.
        await until('the debit accepted', () =>
          entriesOf(dataDir, 'DEBIT_ACCEPTED').some((e) => e.payload.debitId === debitId) ? true : undefined,
        );
        // A fresh core has no staff session: the UI logs in again, and the state is there.
        await logIn(core);
        const status = must<{ pendingCount: number }>(await core.call('till.status', {}));
        expect(status.pendingCount).toBe(0);
        await core.stop();

        // The killed core's request may still be held by the Region: let it land before counting.
        await new Promise((r) => setTimeout(r, Math.max(0, HELD_MS + 500 - (Date.now() - submittedAt))));
        const ledger = (await region.admin.ledger()).filter((item) => item.partnerId === partnerId);
        expect(ledger.filter((item) => item.id === debitId)).toHaveLength(1);
        expect(ledger).toHaveLength(1);
        const journal = openJournal(join(dataDir, JOURNAL_FILE_NAME));
        try {
          expect(
            journal.list({ kinds: ['DEBIT_REQUESTED'] }).filter((e) => e.payload.debitId === debitId),
          ).toHaveLength(1);
          expect(
            journal.list({ kinds: ['DEBIT_ACCEPTED'] }).filter((e) => e.payload.debitId === debitId),
          ).toHaveLength(1);
          expect(journal.verify()).toMatchObject({ ok: true });
          expect(ledgerDifferences(journal, ledger)).toEqual([]);
        } finally {
          journal.close();
        }
      } finally {
        await region.admin.setFaults({ latencyMs: 0 });
      }
    });
  }, 120_000);

  it('logs an uncaught error in the core, and restarts it', async () => {
    const faulty = fileURLToPath(new URL('./faulty-entry.ts', import.meta.url));
    await withCore('core-uncaught', { entry: faulty }, async ({ core, logs, coreLog, dataDir }) => {
      const firstPid = core.pid;
      // The faulty entry throws from a timer once the core is ready, the first time only (a marker file).
      await until('a restarted core', () => (core.isReady && core.pid !== firstPid ? true : undefined));
      expect(logs.find((l) => l.message === 'core exited: restarting')).toMatchObject({ code: 70 });
      const uncaught = coreLog()
        .split('\n')
        .filter((line) => line.includes('core uncaught error'))
        .map((line) => JSON.parse(line) as { error: string });
      expect(uncaught).toHaveLength(1);
      expect(uncaught[0]!.error).toContain('boom: a bug in the core');
      // The same line is in the core's log file (main/logging/: --data-dir/logs in browser mode), for support.
      const logFile = readFileSync(join(dataDir, 'logs', 'till-core.log'), 'utf8');
      expect(logFile.split('\n').filter((line) => line.includes('core uncaught error'))).toHaveLength(1);
      expect(logFile).toContain('boom: a bug in the core');
      expect(must<{ enrolled: boolean }>(await core.call('till.status', {})).enrolled).toBe(false);
      // The crashed core closed its journal on the way out; the new one opened it again.
      expect(entriesOf(dataDir, 'STARTUP')).toHaveLength(2);
      expect(entriesOf(dataDir, 'SHUTDOWN')).toHaveLength(1);
    });
  }, 60_000);

  it('answers calls with the coded reason while the till cannot open, and keeps trying', async () => {
    await withCore('core-cannot-open', { dataDirIsFile: true }, async ({ core, logs }) => {
      const answer = await core.call('till.status', {});
      expect(answer.ok).toBe(false);
      expect(answer.ok ? null : answer.error.code).not.toMatch(/^CORE_/);
      await until('a second attempt', () => (core.crashCount >= 2 ? true : undefined));
      expect(logs.filter((l) => l.message === 'core exited: restarting').map((l) => l.code)).toContain(78);
    });
  }, 60_000);
});
