// A process killed with SIGKILL at random instants while appending: every acknowledged entry survives,
// the chain verifies with no gap, the head matches, and the projection agrees with a rebuild.
// (SIGKILL keeps the OS page cache: this checks transaction atomicity and the head kept in the same
// transaction, not fsync on power loss, which synchronous=FULL is for.)
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { makeTempDir } from '../../test/support/tmp';
import { openJournal } from './journal';

const tmp = makeTempDir('journal-crash');
afterAll(() => tmp.remove());
const KILLS = process.env.JOURNAL_CRASH_KILLS ? Number(process.env.JOURNAL_CRASH_KILLS) : 6;

function runAndKill(path: string, prefix: string, afterAcks: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../test/support/journal-crash-child.ts'), path, prefix],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const acks: string[] = [];
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        acks.push(line);
        if (acks.length === afterAcks) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child exited ${code}`)),
    );
  });
}

it(`loses no acknowledged entry and breaks nothing across ${KILLS} SIGKILLs`, async () => {
  const path = join(tmp.dir, 'journal.sqlite');
  openJournal(path).close();
  const acknowledged = new Map<number, string>();
  for (let round = 0; round < KILLS; round += 1) {
    // Kill after a random number of acknowledgements: the instant lands anywhere in the append cycle.
    const acks = await runAndKill(path, `r${round}`, 1 + Math.floor(Math.random() * 40));
    for (const line of acks) {
      const [, seq, debitId] = line.split(' ');
      acknowledged.set(Number(seq), debitId!);
    }
    const journal = openJournal(path);
    try {
      expect(journal.brokenAtOpen).toBeNull();
      const verified = journal.verify();
      expect(verified).toMatchObject({ ok: true });
      for (const [seq, debitId] of acknowledged) expect(journal.get(seq)?.payload.debitId).toBe(debitId);
    } finally {
      journal.close();
    }
  }
  const raw = new Database(path, { readonly: true });
  const live = raw.prepare('SELECT * FROM debits ORDER BY debit_id').all();
  raw.close();
  const journal = openJournal(path);
  journal.rebuildProjections();
  journal.close();
  const again = new Database(path, { readonly: true });
  expect(again.prepare('SELECT * FROM debits ORDER BY debit_id').all()).toEqual(live);
  again.close();
});
