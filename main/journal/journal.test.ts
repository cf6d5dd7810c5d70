import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './chain-hash';
import { openJournal } from './journal';
import { LATEST_VERSION } from './migrations';
import { debitRequested, manualClock, type TempJournal } from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';
import { codeOf } from '../../test/support/till-error';

describe('the journal file', () => {
  it('is WAL with synchronous=FULL at the latest schema', () => {
    const t = journalForTest();
    expect(t.journal.storage()).toEqual({
      journalMode: 'wal',
      synchronous: 2,
      schemaVersion: LATEST_VERSION,
      readOnly: false,
    });
  });

  it('refuses UPDATE and DELETE on entries, even from another connection', () => {
    const t = journalForTest();
    t.journal.append({ kind: 'STARTUP', payload: {} });
    const raw = new Database(t.path);
    try {
      expect(() => raw.prepare("UPDATE entries SET payload = '{}' WHERE seq = 1").run()).toThrow(
        /append-only: UPDATE refused/,
      );
      expect(() => raw.prepare('DELETE FROM entries WHERE seq = 1').run()).toThrow(
        /append-only: DELETE refused/,
      );
    } finally {
      raw.close();
    }
    expect(t.journal.verify()).toMatchObject({ ok: true, count: 1 });
  });

  it('refuses a file written by a newer till, saying so', () => {
    const t = journalForTest();
    t.journal.close();
    const raw = new Database(t.path);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openJournal(t.path)).toThrow(/newer than this till knows/);
  });
});

describe('appending', () => {
  it('numbers entries 1, 2, 3… and chains each to the one before', () => {
    const clock = manualClock('2026-03-10T09:00:00Z');
    const t = journalForTest({ now: clock.now });
    const a = t.journal.append({ kind: 'STARTUP', payload: { pid: 1 } });
    const b = t.journal.append({ kind: 'LOGIN', cashierId: 'c1', payload: { staffId: 'c1' } });
    const [c, d] = t.journal.appendAll([
      { kind: 'LOGOUT', cashierId: 'c1', payload: {} },
      { kind: 'SHUTDOWN', payload: {}, at: '2026-03-10T11:00:00+01:00' },
    ]);
    expect([a.seq, b.seq, c?.seq, d?.seq]).toEqual([1, 2, 3, 4]);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(d?.prevHash).toBe(c?.hash);
    expect(a.at).toBe('2026-03-10T09:00:00.000Z');
    expect(d?.at).toBe('2026-03-10T10:00:00.000Z');
    expect(t.journal.head()).toEqual({ seq: 4, hash: d?.hash });
    expect(t.journal.get(2)).toEqual(b);
  });

  it('keeps the head across a reopening and goes on from it', () => {
    const t = journalForTest();
    const a = t.journal.append({ kind: 'STARTUP', payload: {} });
    const j = t.reopen();
    expect(j.brokenAtOpen).toBeNull();
    expect(j.head()).toEqual({ seq: 1, hash: a.hash });
    expect(j.append({ kind: 'SHUTDOWN', payload: {} })).toMatchObject({ seq: 2, prevHash: a.hash });
    expect(j.verify()).toMatchObject({ ok: true, count: 2 });
  });

  it('leaves out payload members set to undefined, so optional fields pass through', () => {
    const t = journalForTest();
    const sessions: number | undefined = undefined;
    const e = t.journal.append({
      kind: 'DEBIT_REQUESTED',
      payload: { ...debitRequested({ debitId: 'd1' }), sessions },
    });
    expect(Object.keys(e.payload)).not.toContain('sessions');
    expect(t.journal.get(1)?.payload).toEqual(e.payload);
    expect(t.journal.debits.get('d1')?.sessions).toBeNull();
  });

  it('writes all of appendAll or nothing', () => {
    const t = journalForTest();
    t.journal.append({ kind: 'STARTUP', payload: {} });
    const code = codeOf(() =>
      t.journal.appendAll([
        { kind: 'DEBIT_REQUESTED', payload: debitRequested({ debitId: 'd1' }) },
        {
          kind: 'DEBIT_ACCEPTED',
          payload: { debitId: 'nope', walletBalanceCents: 1, acceptedAt: '2026-03-10T10:00:01Z' },
        },
      ]),
    );
    expect(code).toBe('UNKNOWN_DEBIT');
    expect(t.journal.head().seq).toBe(1);
    expect(t.journal.debits.get('d1')).toBeUndefined();
    expect(t.journal.verify()).toMatchObject({ ok: true, count: 1 });
  });

  it.each<[string, Parameters<TempJournal['journal']['append']>[0]]>([
    ['an unknown kind', { kind: 'TEA_BREAK' as 'STARTUP', payload: {} }],
    ['a fractional number', { kind: 'STARTUP', payload: { load: 0.5 } }],
    ['a malformed date', { kind: 'STARTUP', payload: {}, at: 'yesterday' }],
    [
      'a debit payload missing its jti',
      { kind: 'DEBIT_REQUESTED', payload: { ...debitRequested({ debitId: 'd9' }), jti: null } },
    ],
  ])('refuses %s as INPUT_INVALID and writes nothing', (_name, input) => {
    const t = journalForTest();
    expect(codeOf(() => t.journal.append(input))).toBe('INPUT_INVALID');
    expect(t.journal.head().seq).toBe(0);
  });

  it('stamps the device id on every entry after enrolment, and only one device', () => {
    const t = journalForTest();
    t.journal.append({ kind: 'STARTUP', payload: {} });
    t.journal.setDeviceId('dev-1');
    t.journal.setDeviceId('dev-1');
    expect(codeOf(() => t.journal.setDeviceId('dev-2'))).toBe('ALREADY_ENROLLED');
    const e = t.journal.append({ kind: 'ENROLLED', payload: { deviceId: 'dev-1' } });
    expect(t.journal.get(1)?.deviceId).toBeNull();
    expect(e.deviceId).toBe('dev-1');
    expect(t.reopen().deviceId()).toBe('dev-1');
    expect(t.journal.verify().ok).toBe(true);
  });

  it('refuses every append once the head does not match the last entry at opening', () => {
    const t = journalForTest();
    t.journal.append({ kind: 'STARTUP', payload: {} });
    t.journal.close();
    const raw = new Database(t.path);
    raw.prepare('UPDATE chain_head SET seq = 5').run();
    raw.close();
    const j = t.reopen();
    expect(j.brokenAtOpen).toMatch(/does not match/);
    expect(codeOf(() => j.append({ kind: 'STARTUP', payload: {} }))).toBe('JOURNAL_BROKEN');
  });
});

describe('listing entries', () => {
  it('filters by seq, kind and time, in either order, with a limit', () => {
    const clock = manualClock('2026-03-10T09:00:00Z');
    const t = journalForTest({ now: clock.now });
    for (let i = 0; i < 6; i += 1) {
      t.journal.append({ kind: i % 2 === 0 ? 'LOGIN' : 'LOGOUT', payload: { i } });
      clock.advance(60_000);
    }
    const seqs = (q: Parameters<TempJournal['journal']['list']>[0]) => t.journal.list(q).map((e) => e.seq);
    expect(seqs({})).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seqs({ fromSeq: 2, toSeq: 4 })).toEqual([2, 3, 4]);
    expect(seqs({ kinds: ['LOGOUT'] })).toEqual([2, 4, 6]);
    expect(seqs({ kinds: [] })).toEqual([]);
    expect(seqs({ fromAt: '2026-03-10T09:01:00Z', toAt: '2026-03-10T09:03:00Z' })).toEqual([2, 3]);
    expect(seqs({ order: 'desc', limit: 2 })).toEqual([6, 5]);
    expect(t.journal.list({ fromSeq: 3, limit: 1 })[0]?.payload).toEqual({ i: 2 });
  });
});

describe('settings', () => {
  it('keep values outside the chain, across reopening', () => {
    const t = journalForTest();
    t.journal.settings.set('region', { url: 'http://127.0.0.1:1', ratio: 0.5, tags: ['a'] });
    expect(t.reopen().settings.get('region')).toEqual({ url: 'http://127.0.0.1:1', ratio: 0.5, tags: ['a'] });
    expect(t.journal.settings.get('missing')).toBeUndefined();
    expect(t.journal.head().seq).toBe(0);
  });
});
