import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openJournal } from './journal';
import { journalForTest } from '../../test/support/journal-for-tests';
import { codeOf } from '../../test/support/till-error';

describe('a full disk', () => {
  it('refuses the append as DISK_FULL, leaves the journal as it was, and appending resumes once space returns', () => {
    const t = journalForTest();
    for (let i = 0; i < 20; i += 1) t.journal.append({ kind: 'STARTUP', payload: { i } });
    t.journal.close();
    // A quota a little above the file as it is now: the WAL is checkpointed on close, so this is its size.
    const quota = statSync(t.path).size + 4 * 4096;
    const j = t.reopen({ maxSizeBytes: quota });
    const big = { blob: 'x'.repeat(3000) };
    let code: string | undefined;
    let before = j.head();
    for (let i = 0; i < 200 && code === undefined; i += 1) {
      before = j.head();
      code = codeOf(() => j.append({ kind: 'KEYS_REFRESHED', payload: big }));
    }
    expect(code).toBe('DISK_FULL');
    expect(j.head()).toEqual(before);
    expect(j.list({ fromSeq: before.seq + 1 })).toEqual([]);
    expect(j.verify()).toMatchObject({ ok: true, count: before.seq });
    // Space comes back.
    const again = t.reopen({});
    expect(again.append({ kind: 'STARTUP', payload: {} })).toMatchObject({
      seq: before.seq + 1,
      prevHash: before.hash,
    });
    expect(again.verify()).toMatchObject({ ok: true, count: before.seq + 1 });
  });
});

describe('read-only storage', () => {
  it('refuses appends and closures as STORAGE_READ_ONLY and still verifies', () => {
    const t = journalForTest();
    t.journal.append({ kind: 'STARTUP', payload: {} });
    t.journal.close();
    const j = openJournal(t.path, { readOnly: true });
    try {
      expect(j.storage().readOnly).toBe(true);
      expect(codeOf(() => j.append({ kind: 'STARTUP', payload: {} }))).toBe('STORAGE_READ_ONLY');
      expect(codeOf(() => j.closeDay('2026-01-01', null))).toBe('STORAGE_READ_ONLY');
      expect(j.head().seq).toBe(1);
      expect(j.verify()).toMatchObject({ ok: true, count: 1 });
    } finally {
      j.close();
    }
  });
});
