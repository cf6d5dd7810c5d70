import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../journal/journal';
import { StaffDirectory } from '../staff/staff-directory';
import {
  debitAccepted,
  debitRequested,
  tamperConnection,
  type TempJournal,
} from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';
import type { CliIo, Command } from './command';
import { findCommand, runCli } from './dispatch';
import { COMMANDS } from './registry';

function capture(nowIso = '2026-03-20T12:00:00Z'): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    now: () => new Date(nowIso),
  };
}

/** A closed journal with one accepted and one pending debit on 10 March 2026, and one person. */
// Shared with the helpers below, which read the journal the test's sampleJournal made.
let t: TempJournal;

function sampleJournal(): TempJournal {
  t = journalForTest({ now: () => new Date('2026-03-10T12:00:00Z') });
  t.journal.persons.upsert({
    id: 'ben-1',
    givenName: 'Apolline',
    familyName: 'Brisemoutier',
    birthDate: '2007-02-03',
  });
  t.journal.append({ kind: 'DEBIT_REQUESTED', payload: debitRequested({ debitId: 'a' }) });
  t.journal.append({
    kind: 'DEBIT_ACCEPTED',
    payload: debitAccepted('a'),
  });
  t.journal.append({
    kind: 'DEBIT_REQUESTED',
    payload: debitRequested({ debitId: 'p', occurredAt: '2026-03-11T10:00:00.000Z' }),
  });
  t.journal.close();
  return t;
}

describe('the command table', () => {
  it('picks the longest matching name and passes the rest on', () => {
    const cmd = (name: string): Command => ({ name, summary: '', help: '', run: async () => 0 });
    const table = [cmd('archive'), cmd('archive verify'), cmd('journal verify')];
    expect(findCommand(table, ['archive', 'verify', '--x'])).toMatchObject({
      command: { name: 'archive verify' },
      rest: ['--x'],
    });
    expect(findCommand(table, ['archive', '--y'])).toMatchObject({
      command: { name: 'archive' },
      rest: ['--y'],
    });
    expect(findCommand(table, ['journal'])).toBeUndefined();
  });

  it('prints usage for no command (exit 0) and for an unknown one (exit 2)', async () => {
    const io = capture();
    expect(await runCli(COMMANDS, [], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/journal verify/);
    expect(await runCli(COMMANDS, ['frobnicate'], io)).toBe(2);
  });

  it('treats an unknown option as a usage error', async () => {
    const io = capture();
    expect(await runCli(COMMANDS, ['journal', 'verify', '--bogus'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/bogus/);
  });
});

describe('journal verify', () => {
  it('prints OK with the count and head', async () => {
    sampleJournal();
    const io = capture();
    expect(await runCli(COMMANDS, ['journal', 'verify', '--db', t.path], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^OK 3 entries, head 3 [0-9a-f]{64}$/);
  });

  it('names the first broken entry and exits 1, in a real process', async () => {
    sampleJournal();
    const db = tamperConnection(t.path);
    db.prepare(
      `UPDATE entries SET payload = replace(payload, '"amountCents":500', '"amountCents":50') WHERE seq = 1`,
    ).run();
    db.close();
    const root = resolve(import.meta.dirname, '../..');
    const run = promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        join(root, 'main/cli/till.ts'),
        'journal',
        'verify',
        '--db',
        t.path,
      ],
      { cwd: root },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/BROKEN at entry 1: EDITED/),
    });
  });

  it('refuses a missing file without creating one', async () => {
    const t = journalForTest();
    const io = capture();
    const missing = join(t.dir, 'nope.sqlite');
    expect(await runCli(COMMANDS, ['journal', 'verify', '--db', missing], io)).toBe(2);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('journal close-day and close-month', () => {
  it('close a day, and refuse one with a debit awaiting the Region, giving the reason', async () => {
    sampleJournal();
    const io = capture();
    expect(
      await runCli(
        COMMANDS,
        ['journal', 'close-day', '--db', t.path, '--day', '2026-03-10', '--cashier', 'm1'],
        io,
      ),
    ).toBe(0);
    expect(io.stdout[0]).toMatch(/^DAY_CLOSED 2026-03-10 — entry 4/);
    expect(await runCli(COMMANDS, ['journal', 'close-day', '--db', t.path, '--day', '2026-03-11'], io)).toBe(
      1,
    );
    expect(io.stderr.join('\n')).toMatch(
      /CLOSURE_PENDING_DEBITS: 1 debit\(s\) of 2026-03-11 still await the Region/,
    );
    expect(await runCli(COMMANDS, ['journal', 'close-month', '--db', t.path, '--month', '2026-02'], io)).toBe(
      0,
    );
    expect(await runCli(COMMANDS, ['journal', 'close-month', '--db', t.path], io)).toBe(2);
    const j = openJournal(t.path, { readOnly: true });
    expect(j.closure('day', '2026-03-10')?.payload).toMatchObject({
      periodTotalCents: 500,
      grandTotalCents: 500,
    });
    expect(j.closure('month', '2026-02')?.payload).toMatchObject({ periodTotalCents: 0 });
    j.close();
  });

  it('close the last day that has ended (Paris) by default', async () => {
    sampleJournal();
    const io = capture('2026-03-11T23:30:00Z'); // 00:30 on 12 March in Paris: the 11th, which has a pending debit
    expect(await runCli(COMMANDS, ['journal', 'close-day', '--db', t.path], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/2026-03-11/);
  });
});

describe('journal purge and wipe', () => {
  it('purge people not seen since a date; the chain still verifies', async () => {
    sampleJournal();
    const io = capture();
    expect(await runCli(COMMANDS, ['journal', 'purge', '--db', t.path, '--before', '2026-03-11'], io)).toBe(
      0,
    );
    expect(io.stdout[0]).toBe('purged 1 person(s) not seen since 2026-03-11');
    expect(await runCli(COMMANDS, ['journal', 'verify', '--db', t.path], io)).toBe(0);
  });

  it('wipe needs --yes, then destroys names, receipts and exports and keeps the evidence', async () => {
    sampleJournal();
    const receipts = join(t.dir, 'receipts');
    mkdirSync(receipts);
    writeFileSync(join(receipts, 'r1.txt'), 'Apolline Brisemoutier');
    // A backup copy of the journal, as the backup module writes it (a single file, rollback journal).
    const backup = join(t.dir, 'backups', 'journal-2026-03-10.db');
    mkdirSync(join(t.dir, 'backups'));
    const source = new Database(t.path);
    await source.backup(backup);
    source.close();
    writeFileSync(join(t.dir, 'backups', 'notes.txt'), 'not a database');
    // The outbox's store of pass tokens awaiting the Region (each token carries a name and a birth date).
    const outbox = join(t.dir, 'outbox.sqlite');
    const store = new Database(outbox);
    store.exec(
      "CREATE TABLE tokens (id TEXT PRIMARY KEY, token TEXT); INSERT INTO tokens VALUES ('a', 'ATN1:Brisemoutier')",
    );
    store.close();
    const io = capture();
    expect(await runCli(COMMANDS, ['wipe', '--data-dir', t.dir], io)).toBe(2);
    expect(existsSync(receipts)).toBe(true);
    expect(await runCli(COMMANDS, ['wipe', '--data-dir', t.dir, '--yes'], io)).toBe(0);
    expect(io.stdout).toEqual([
      'removed 1 person(s) from the journal (chain ok)',
      `deleted ${receipts}`,
      `deleted ${outbox}`,
      `removed 1 person(s) from the copy ${backup}`,
    ]);
    expect(existsSync(receipts)).toBe(false);
    expect(existsSync(outbox)).toBe(false);
    for (const f of [t.path, `${t.path}-wal`, backup]) {
      if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from('Brisemoutier'))).toBe(false);
    }
    const j = openJournal(t.path, { readOnly: true });
    expect(j.verify()).toMatchObject({ ok: true, count: 3 });
    expect(j.debits.get('a')?.status).toBe('accepted');
    j.close();
  });

  it('explain in --help what wipe keeps and why', async () => {
    const io = capture();
    expect(await runCli(COMMANDS, ['wipe', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/Kept as evidence/);
  });
});

describe('staff unlock', () => {
  it('lists the staff with wrong PINs, and clears one (journalled)', async () => {
    sampleJournal();
    let nowMs = Date.parse('2026-03-20T12:00:00Z');
    const j = openJournal(t.path, { now: () => new Date(nowMs) });
    const staff = new StaffDirectory(j.settings, { journal: j, now: () => nowMs });
    const claire = staff.add('Claire', 'manager', '246810');
    // Ten wrong PINs, each after the wait the previous ones impose.
    for (let i = 0; i < 10; i++, nowMs += 10 * 60_000)
      expect(() => staff.authenticate(claire.id, '000000')).toThrow(/PIN_INVALID/);
    j.close();
    const io = capture();
    expect(await runCli(COMMANDS, ['staff', 'unlock', '--db', t.path], io)).toBe(0);
    expect(io.stdout).toEqual([`${claire.id} Claire: 10 wrong PIN(s), locked`]);
    expect(await runCli(COMMANDS, ['staff', 'unlock', '--db', t.path, '--staff', 'S-nobody'], io)).toBe(1);
    expect(await runCli(COMMANDS, ['staff', 'unlock', '--db', t.path, '--staff', claire.id], io)).toBe(0);
    const after = openJournal(t.path, { readOnly: true });
    expect(after.list({ kinds: ['STAFF_UNLOCKED'] }).map((e) => e.payload)).toEqual([
      { staffId: claire.id, by: 'cli', failures: 10 },
    ]);
    expect(new StaffDirectory(after.settings).lockouts()).toEqual([]);
    after.close();
  });
});
