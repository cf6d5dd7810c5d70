// Reliability proof: a till whose data folder is on a small tmpfs that fills up mid-run. The debit in
// flight is refused with DISK_FULL (or, if the Region had already committed it, stays pending and is
// recorded once space returns); nothing acknowledged is lost; the till goes on once space comes back.
// Then the same media mounted read-only: the till refuses to open with STORAGE_READ_ONLY.
// Needs root (mount); elsewhere main/journal/storage-errors.test.ts proves the same with a page quota.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTill, type Till } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { TillError } from '../../preload/contract/errors';
import { ledgerDifferences } from '../engine/ledger-match';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { anotherLea, youthWithPass } from '../support/region-server';
import { enrolAndLogIn, logInManager } from '../support/till-calls';
import { makeTempDir } from '../support/tmp';

const tmp = makeTempDir('disk');
const mountPoint = join(tmp.dir, 'media');
const dataDir = join(mountPoint, 'data');
const keyFile = join(tmp.dir, 'key');

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    mkdirSync(mountPoint, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mounted = canMount();
let region: RegionHandle;

beforeAll(async () => {
  if (mounted) region = await startRegionServer();
});
afterAll(async () => {
  await region?.stop();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  tmp.remove();
});

/** Fills the file system to the last byte with a ballast file, and returns a function that frees it. */
function fill(): () => void {
  const ballast = join(mountPoint, 'ballast');
  const fd = openSync(ballast, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          writeSync(fd, chunk, 0, size);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return () => rmSync(ballast);
}

describe.skipIf(!mounted)('a till on media that fills up, then turns read-only', () => {
  it('refuses the debit in flight with DISK_FULL, loses nothing acknowledged, and recovers when space returns', async () => {
    const open = (): Till =>
      createTill({
        dataDir,
        cipher: fileKeyCipher(keyFile),
        immediateRetryDelaysMs: [10],
        outbox: { backoff: { baseMs: 10, maxMs: 50 }, idleMs: 50 },
      });
    let till = open();
    const call = async (name: string, input: unknown) => till.dispatch(name, input);
    const { partnerId } = await enrolAndLogIn(till, region, { partnerName: 'Cinéma Plein', pin: '2468' });
    const login = () => logInManager(till, '2468');
    const acknowledged: string[] = [];
    const debit = async () => {
      const youth = await youthWithPass(region, anotherLea());
      const scan = await call('pass.scan', { text: youth.token, source: 'paste' });
      if (!scan.ok) return scan.error.code;
      const card = scan.value as { kind: string; card?: { scanId: string } };
      if (card.kind !== 'pass' || !card.card) return `scan ${card.kind}`;
      const r = await call('debit.submit', {
        scanId: card.card.scanId,
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 900,
        amountCents: 300,
      });
      if (!r.ok) return r.error.code;
      const o = r.value as { debitId: string; status: string };
      if (o.status === 'accepted') acknowledged.push(o.debitId);
      return o.status;
    };
    for (let i = 0; i < 5; i += 1) expect(await debit()).toBe('accepted');

    const free = fill();
    // SQLite may still have free pages in the file and the WAL: debits go on until one needs a new page.
    const during: string[] = [];
    for (let i = 0; i < 400 && !during.includes('DISK_FULL'); i += 1) during.push(await debit());
    expect(during).toContain('DISK_FULL');
    expect(during.filter((s) => s !== 'accepted' && s !== 'DISK_FULL' && s !== 'pending')).toEqual([]);

    free();
    expect(await debit()).toBe('accepted');
    expect(await till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    const ledger = (await region.admin.ledger()).filter((d) => d.partnerId === partnerId);
    for (const id of acknowledged)
      expect(ledger.filter((d) => d.id === id && d.status === 'accepted')).toHaveLength(1);
    expect(ledgerDifferences(till.journal, ledger)).toEqual([]);
    const verdict = till.journal.verify();
    expect(verdict).toMatchObject({ ok: true });
    till.close();
    const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // Read-only media: the till says so instead of failing obscurely.
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    let code: string | undefined;
    try {
      till = open();
      till.close();
    } catch (error) {
      code = error instanceof TillError ? error.code : String(error);
    }
    expect(code).toBe('STORAGE_READ_ONLY');
    execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    till = open();
    await login();
    expect(await debit()).toBe('accepted');
    till.close();
  }, 120_000);
});
