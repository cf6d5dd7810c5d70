import { describe, expect, it } from 'vitest';
import { TillError } from '../../preload/contract/errors';
import type { AppendInput } from './journal';
import Database from 'better-sqlite3';
import {
  debitRequested,
  manualClock,
  rawAppend,
  tamperConnection,
  type TempJournal,
} from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';

const clock = () => manualClock('2026-03-20T12:00:00Z');
function sale(
  debitId: string,
  amountCents: number,
  occurredAt: string,
  category = 'CINEMA',
  item = 'SEANCE',
): AppendInput[] {
  return [
    {
      kind: 'DEBIT_REQUESTED',
      cashierId: 'c1',
      payload: debitRequested({ debitId, amountCents, occurredAt, category, item }),
    },
    { kind: 'DEBIT_ACCEPTED', payload: { debitId, walletBalanceCents: 0, acceptedAt: occurredAt } },
  ];
}

function refusal(fn: () => unknown): TillError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TillError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('day closures', () => {
  it('total the Paris day per category, seal the head and start the grand total', () => {
    const t = journalForTest({ now: clock().now });
    // 23:30 UTC on 9 March is 00:30 on 10 March in Paris (winter, UTC+1): it belongs to the 10th.
    t.journal.appendAll([
      ...sale('a', 500, '2026-03-09T23:30:00.000Z'),
      ...sale('b', 1200, '2026-03-10T12:00:00.000Z', 'SPECTACLE', 'PLACE'),
      ...sale('c', 700, '2026-03-10T23:30:00.000Z'),
    ]);
    const head = t.journal.head();
    const z = t.journal.closeDay('2026-03-10', 'm1');
    expect(z).toMatchObject({ kind: 'DAY_CLOSED', seq: head.seq + 1, cashierId: 'm1' });
    expect(z.payload).toEqual({
      format: 2,
      period: '2026-03-10',
      totals: {
        SPECTACLE: { count: 1, amountCents: 1200 },
        CINEMA: { count: 1, amountCents: 500 },
        SPORT: { count: 0, amountCents: 0 },
        ARTISTIC: { count: 0, amountCents: 0 },
        LOCAL: { count: 0, amountCents: 0 },
      },
      count: 2,
      periodTotalCents: 1700,
      grandTotalCents: 1700,
      firstSeq: 1,
      lastSeq: head.seq,
      lastHash: head.hash,
      corrections: [],
    });
    expect(t.journal.verify().ok).toBe(true);
  });

  it('carry a perpetual grand total that only grows, and cover the entries since the last one', () => {
    const t = journalForTest({ now: clock().now });
    t.journal.appendAll(sale('a', 500, '2026-03-10T10:00:00.000Z'));
    const first = t.journal.closeDay('2026-03-10', null);
    t.journal.appendAll(sale('b', 300, '2026-03-11T10:00:00.000Z'));
    const empty = t.journal.closeDay('2026-03-12', null);
    const second = t.journal.closeDay('2026-03-11', null);
    expect([
      first.payload.grandTotalCents,
      empty.payload.grandTotalCents,
      second.payload.grandTotalCents,
    ]).toEqual([500, 500, 800]);
    expect(empty.payload).toMatchObject({
      count: 0,
      periodTotalCents: 0,
      firstSeq: first.seq,
      lastSeq: empty.seq - 1,
    });
    expect(second.payload.firstSeq).toBe(empty.seq);
  });

  it('leave voided and refused debits out', () => {
    const t = journalForTest({ now: clock().now });
    t.journal.appendAll([
      ...sale('a', 500, '2026-03-10T10:00:00.000Z'),
      { kind: 'VOID_REQUESTED', payload: { debitId: 'a', voidId: 'v', reason: 'OTHER' } },
      { kind: 'DEBIT_VOIDED', payload: { debitId: 'a', voidId: 'v', walletBalanceCents: 2000 } },
      {
        kind: 'DEBIT_REQUESTED',
        payload: debitRequested({ debitId: 'b', occurredAt: '2026-03-10T11:00:00.000Z' }),
      },
      { kind: 'DEBIT_REFUSED', payload: { debitId: 'b', code: 'INSUFFICIENT_BALANCE' } },
    ]);
    expect(t.journal.closeDay('2026-03-10', null).payload).toMatchObject({ count: 0, periodTotalCents: 0 });
  });

  it('are refused while a debit of the day awaits the Region, then made once it is answered', () => {
    const t = journalForTest({ now: clock().now });
    t.journal.append({
      kind: 'DEBIT_REQUESTED',
      payload: debitRequested({ debitId: 'p', occurredAt: '2026-03-10T10:00:00.000Z' }),
    });
    t.journal.append({ kind: 'DEBIT_UNKNOWN', payload: { debitId: 'p', detail: 'timeout' } });
    const head = t.journal.head();
    const error = refusal(() => t.journal.closeDay('2026-03-10', null));
    expect(error.code).toBe('CLOSURE_PENDING_DEBITS');
    expect(error.params).toEqual({ count: 1, period: '2026-03-10' });
    expect(t.journal.head()).toEqual(head);
    // Another day is not held up by it.
    expect(t.journal.closeDay('2026-03-11', null).kind).toBe('DAY_CLOSED');
    t.journal.append({
      kind: 'DEBIT_ACCEPTED',
      payload: { debitId: 'p', walletBalanceCents: 0, acceptedAt: '2026-03-10T10:05:00.000Z' },
    });
    expect(t.journal.closeDay('2026-03-10', null).payload.periodTotalCents).toBe(500);
  });

  it("a storage failure while sealing is that failure, not 'already closed', and nothing is sealed", () => {
    const t = journalForTest({ now: clock().now });
    t.journal.appendAll(sale('a', 500, '2026-03-10T10:00:00.000Z'));
    t.journal.close();
    const db = tamperConnection(t.path);
    // The projection's write fails for a reason of the storage's own (here a trigger standing in for a full disk).
    db.exec(
      "CREATE TRIGGER closures_fail BEFORE INSERT ON closures BEGIN SELECT RAISE(ABORT, 'simulated storage failure'); END;",
    );
    db.close();
    const j = t.reopen();
    let thrown: unknown;
    try {
      j.closeDay('2026-03-10', null);
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toContain('simulated storage failure');
    expect(thrown instanceof TillError && thrown.message.includes('already closed')).toBe(false);
    expect(j.list({ kinds: ['DAY_CLOSED'] })).toHaveLength(0);
  });

  it('close a period once: closing again is refused, naming the closure entry', () => {
    const t = journalForTest({ now: clock().now });
    t.journal.appendAll(sale('a', 500, '2026-03-10T10:00:00.000Z'));
    const z = t.journal.closeDay('2026-03-10', null);
    const again = refusal(() => t.journal.closeDay('2026-03-10', 'someone'));
    expect([again.code, again.params]).toEqual([
      'PERIOD_ALREADY_CLOSED',
      { period: '2026-03-10', seq: z.seq },
    ]);
    expect(t.reopen().closure('day', '2026-03-10')).toEqual(z);
    expect(t.journal.list({ kinds: ['DAY_CLOSED'] })).toHaveLength(1);
  });

  it('refuse a day that has not ended, with its own code', () => {
    const c = manualClock('2026-03-20T22:59:59.000Z');
    const t = journalForTest({ now: c.now });
    t.journal.appendAll(sale('a', 500, '2026-03-20T10:00:00.000Z'));
    const early = refusal(() => t.journal.closeDay('2026-03-20', null));
    expect([early.code, early.params]).toEqual(['PERIOD_NOT_ENDED', { period: '2026-03-20' }]);
    expect(refusal(() => t.journal.closeMonth('2026-03', null)).code).toBe('PERIOD_NOT_ENDED');
    c.set('2026-03-20T23:00:00.000Z'); // midnight in Paris (UTC+1 until 29 March)
    expect(t.journal.closeDay('2026-03-20', null).payload).toMatchObject({ count: 1, periodTotalCents: 500 });
  });

  it.each(['2026-3-10', '2026-02-30', '2026-03-21', 'tomorrow'])('refuse the period %s', (day) => {
    const t = journalForTest({ now: clock().now });
    expect(refusal(() => t.journal.closeDay(day, null)).code).toBe('INPUT_INVALID');
  });
});

describe('a sealed closure stays true (issue 15)', () => {
  const net = (j: TempJournal['journal']) =>
    Object.values(j.debits.totals({})).reduce(
      (s, v) => ({ count: s.count + v.count, cents: s.cents + v.amountCents }),
      { count: 0, cents: 0 },
    );

  it('after a Z and a void of that day, the Z stays as sealed and the next period carries −1 / −amount', () => {
    const c = manualClock('2026-03-10T20:00:00.000Z');
    const t = journalForTest({ now: c.now });
    // 27 débits for 105,70 € on the 10th: 26 × 4,00 € and one of 1,70 €... then the 1,05 € one is voided.
    for (let i = 0; i < 25; i++) t.journal.appendAll(sale(`d${i}`, 400, '2026-03-10T10:00:00.000Z'));
    t.journal.appendAll([
      ...sale('d25', 465, '2026-03-10T11:00:00.000Z'),
      ...sale('late', 105, '2026-03-10T19:00:00.000Z'),
    ]);
    c.set('2026-03-11T00:30:00.000Z');
    const z = t.journal.closeDay('2026-03-10', 'm1');
    expect(z.payload).toMatchObject({
      format: 2,
      count: 27,
      periodTotalCents: 10570,
      grandTotalCents: 10570,
      corrections: [],
    });
    // The void is recorded after the Z (the Region may still take it: the entry is what the till holds).
    t.journal.appendAll([
      {
        kind: 'VOID_REQUESTED',
        cashierId: 'm1',
        payload: { debitId: 'late', voidId: 'v1', reason: 'WRONG_AMOUNT' },
      },
      { kind: 'DEBIT_VOIDED', payload: { debitId: 'late', voidId: 'v1', walletBalanceCents: 1000 } },
    ]);
    const voided = t.journal.head().seq;
    expect(t.journal.closure('day', '2026-03-10')).toEqual(z);
    expect(net(t.journal)).toEqual({ count: 26, cents: 10465 });
    t.journal.appendAll(sale('next', 300, '2026-03-11T09:00:00.000Z'));
    c.set('2026-03-12T00:30:00.000Z');
    const next = t.journal.closeDay('2026-03-11', 'm1');
    expect(next.payload).toMatchObject({
      count: 0,
      periodTotalCents: 300 - 105,
      grandTotalCents: 10465 + 300,
      corrections: [
        {
          seq: voided,
          debitId: 'late',
          period: '2026-03-10',
          category: 'CINEMA',
          count: -1,
          amountCents: -105,
        },
      ],
    });
    expect(next.payload['totals']).toMatchObject({ CINEMA: { count: 0, amountCents: 195 } });
    // The perpetual total adds up to the journal's.
    expect(next.payload['grandTotalCents']).toBe(net(t.journal).cents);
    expect(t.journal.verify()).toMatchObject({ ok: true });
    // The month (closed once it ended) holds the net of its lines: the void is inside it, not a correction.
    c.set('2026-04-01T00:30:00.000Z');
    expect(t.journal.closeMonth('2026-03', null).payload).toMatchObject({
      count: 27,
      periodTotalCents: 10765,
      corrections: [],
    });
    expect(t.journal.verify()).toMatchObject({ ok: true });
  });

  it('come from the chain: a rewritten debits table neither changes a closure nor passes verify', () => {
    const t = journalForTest({ now: clock().now });
    t.journal.appendAll([
      ...sale('a', 500, '2026-03-10T10:00:00.000Z'),
      ...sale('b', 700, '2026-03-10T11:00:00.000Z'),
    ]);
    const db = tamperConnection(t.path);
    db.prepare('UPDATE debits SET amount_cents = amount_cents + 1000').run();
    db.close();
    const finding = t.journal.verify();
    expect(finding).toMatchObject({ ok: false, problem: 'PROJECTION_MISMATCH', seq: 1 });
    expect(t.journal.closeDay('2026-03-10', null).payload).toMatchObject({
      count: 2,
      periodTotalCents: 1200,
    });
  });

  it('are each recomputed by verify: a closure entry with forged totals is named', () => {
    const t = journalForTest({ now: clock().now });
    t.journal.appendAll(sale('a', 500, '2026-03-10T10:00:00.000Z'));
    const honest = t.journal.closeDay('2026-03-10', null);
    t.journal.appendAll(sale('b', 700, '2026-03-11T10:00:00.000Z'));
    const head = t.journal.head();
    t.journal.close();
    const db = new Database(t.path);
    // A forger who knows the recipe appends a closure of the 11th with 10 € more, properly chained.
    const forged = {
      ...honest.payload,
      period: '2026-03-11',
      periodTotalCents: 1700,
      grandTotalCents: 2200,
      firstSeq: honest.seq,
      lastSeq: head.seq,
      lastHash: head.hash,
      totals: { ...(honest.payload['totals'] as object), CINEMA: { count: 1, amountCents: 1700 } },
    };
    rawAppend(db, 'DAY_CLOSED', forged);
    db.close();
    const j = t.reopen();
    expect(j.verify()).toMatchObject({ ok: false, problem: 'CLOSURE_MISMATCH', seq: head.seq + 1 });
    expect((j.verify() as { detail: string }).detail).toMatch(/CINEMA 1\/1700 where the chain gives 1\/700/);
  });

  it('check a closure made before format 2 by the rule it was made with', () => {
    const t = journalForTest({ now: clock().now });
    t.journal.appendAll(sale('a', 500, '2026-03-10T10:00:00.000Z'));
    const head = t.journal.head();
    t.journal.close();
    const db = new Database(t.path);
    const zeros = { count: 0, amountCents: 0 };
    const legacy = {
      period: '2026-03-10',
      totals: {
        SPECTACLE: zeros,
        CINEMA: { count: 1, amountCents: 500 },
        SPORT: zeros,
        ARTISTIC: zeros,
        LOCAL: zeros,
      },
      count: 1,
      periodTotalCents: 500,
      grandTotalCents: 500,
      firstSeq: 1,
      lastSeq: head.seq,
      lastHash: head.hash,
    };
    rawAppend(db, 'DAY_CLOSED', legacy);
    // rawAppend writes entries only: the next opening rebuilds the projection from them.
    db.prepare("INSERT INTO settings (key, value) VALUES ('journal.projectionsStale', 'true')").run();
    db.close();
    expect(t.reopen().verify()).toMatchObject({ ok: true });
  });
});

describe('month closures', () => {
  it('total the Paris month, with their own grand total', () => {
    const t = journalForTest({ now: manualClock('2026-04-02T12:00:00Z').now });
    // 31 March 22:30 UTC is 1 April 00:30 in Paris (summer time, UTC+2 from 29 March 2026).
    t.journal.appendAll([
      ...sale('a', 500, '2026-02-28T22:59:59.000Z'),
      ...sale('b', 600, '2026-02-28T23:00:00.000Z'),
      ...sale('c', 700, '2026-03-31T22:30:00.000Z'),
    ]);
    t.journal.closeDay('2026-03-01', null);
    const feb = t.journal.closeMonth('2026-02', null);
    const mar = t.journal.closeMonth('2026-03', null);
    expect(feb.payload).toMatchObject({
      period: '2026-02',
      count: 1,
      periodTotalCents: 500,
      grandTotalCents: 500,
    });
    expect(mar.payload).toMatchObject({
      period: '2026-03',
      count: 1,
      periodTotalCents: 600,
      grandTotalCents: 1100,
      firstSeq: feb.seq,
    });
    expect(t.journal.closure('month', '2026-03')?.seq).toBe(mar.seq);
    expect(t.journal.closure('month', '2026-04')).toBeUndefined();
  });
});
