import { afterEach, describe, expect, it } from 'vitest';
import { TillError } from '../../preload/contract/errors';
import type { AppendInput } from './journal';
import { debitRequested, manualClock, tempJournal, type TempJournal } from './test-fixtures';

let t: TempJournal;
afterEach(() => t?.cleanup());

const clock = () => manualClock('2026-03-20T12:00:00Z');
function sale(debitId: string, amountCents: number, occurredAt: string, category = 'CINEMA', item = 'SEANCE'): AppendInput[] {
  return [
    { kind: 'DEBIT_REQUESTED', cashierId: 'c1', payload: debitRequested({ debitId, amountCents, occurredAt, category, item }) },
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
    t = tempJournal({ now: clock().now });
    // 23:30 UTC on 9 March is 00:30 on 10 March in Paris (winter, UTC+1): it belongs to the 10th.
    t.journal.appendAll([...sale('a', 500, '2026-03-09T23:30:00.000Z'), ...sale('b', 1200, '2026-03-10T12:00:00.000Z', 'SPECTACLE', 'PLACE'), ...sale('c', 700, '2026-03-10T23:30:00.000Z')]);
    const head = t.journal.head();
    const z = t.journal.closeDay('2026-03-10', 'm1');
    expect(z).toMatchObject({ kind: 'DAY_CLOSED', seq: head.seq + 1, cashierId: 'm1' });
    expect(z.payload).toEqual({
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
    });
    expect(t.journal.verify().ok).toBe(true);
  });

  it('carry a perpetual grand total that only grows, and cover the entries since the last one', () => {
    t = tempJournal({ now: clock().now });
    t.journal.appendAll(sale('a', 500, '2026-03-10T10:00:00.000Z'));
    const first = t.journal.closeDay('2026-03-10', null);
    t.journal.appendAll(sale('b', 300, '2026-03-11T10:00:00.000Z'));
    const empty = t.journal.closeDay('2026-03-12', null);
    const second = t.journal.closeDay('2026-03-11', null);
    expect([first.payload.grandTotalCents, empty.payload.grandTotalCents, second.payload.grandTotalCents]).toEqual([500, 500, 800]);
    expect(empty.payload).toMatchObject({ count: 0, periodTotalCents: 0, firstSeq: first.seq, lastSeq: empty.seq - 1 });
    expect(second.payload.firstSeq).toBe(empty.seq);
  });

  it('leave voided and refused debits out', () => {
    t = tempJournal({ now: clock().now });
    t.journal.appendAll([
      ...sale('a', 500, '2026-03-10T10:00:00.000Z'),
      { kind: 'VOID_REQUESTED', payload: { debitId: 'a', voidId: 'v', reason: 'x' } },
      { kind: 'DEBIT_VOIDED', payload: { debitId: 'a', voidId: 'v', walletBalanceCents: 2000 } },
      { kind: 'DEBIT_REQUESTED', payload: debitRequested({ debitId: 'b', occurredAt: '2026-03-10T11:00:00.000Z' }) },
      { kind: 'DEBIT_REFUSED', payload: { debitId: 'b', code: 'INSUFFICIENT_BALANCE' } },
    ]);
    expect(t.journal.closeDay('2026-03-10', null).payload).toMatchObject({ count: 0, periodTotalCents: 0 });
  });

  it('are refused while a debit of the day awaits the Region, then made once it is answered', () => {
    t = tempJournal({ now: clock().now });
    t.journal.append({ kind: 'DEBIT_REQUESTED', payload: debitRequested({ debitId: 'p', occurredAt: '2026-03-10T10:00:00.000Z' }) });
    t.journal.append({ kind: 'DEBIT_UNKNOWN', payload: { debitId: 'p', detail: 'timeout' } });
    const head = t.journal.head();
    const error = refusal(() => t.journal.closeDay('2026-03-10', null));
    expect(error.code).toBe('CLOSURE_PENDING_DEBITS');
    expect(error.params).toEqual({ count: 1, period: '2026-03-10' });
    expect(t.journal.head()).toEqual(head);
    // Another day is not held up by it.
    expect(t.journal.closeDay('2026-03-11', null).kind).toBe('DAY_CLOSED');
    t.journal.append({ kind: 'DEBIT_ACCEPTED', payload: { debitId: 'p', walletBalanceCents: 0, acceptedAt: '2026-03-10T10:05:00.000Z' } });
    expect(t.journal.closeDay('2026-03-10', null).payload.periodTotalCents).toBe(500);
  });

  it('close a period once: closing again returns the same entry', () => {
    t = tempJournal({ now: clock().now });
    t.journal.appendAll(sale('a', 500, '2026-03-10T10:00:00.000Z'));
    const z = t.journal.closeDay('2026-03-10', null);
    expect(t.journal.closeDay('2026-03-10', 'someone')).toEqual(z);
    expect(t.reopen().closure('day', '2026-03-10')).toEqual(z);
    expect(t.journal.list({ kinds: ['DAY_CLOSED'] })).toHaveLength(1);
  });

  it.each(['2026-3-10', '2026-02-30', '2026-03-21', 'tomorrow'])('refuse the period %s', (day) => {
    t = tempJournal({ now: clock().now });
    expect(refusal(() => t.journal.closeDay(day, null)).code).toBe('INPUT_INVALID');
  });
});

describe('month closures', () => {
  it('total the Paris month, with their own grand total', () => {
    t = tempJournal({ now: clock().now });
    // 31 March 22:30 UTC is 1 April 00:30 in Paris (summer time, UTC+2 from 29 March 2026).
    t.journal.appendAll([...sale('a', 500, '2026-02-28T22:59:59.000Z'), ...sale('b', 600, '2026-02-28T23:00:00.000Z'), ...sale('c', 700, '2026-03-31T22:30:00.000Z')]);
    t.journal.closeDay('2026-03-01', null);
    const feb = t.journal.closeMonth('2026-02', null);
    const mar = t.journal.closeMonth('2026-03', null);
    expect(feb.payload).toMatchObject({ period: '2026-02', count: 1, periodTotalCents: 500, grandTotalCents: 500 });
    expect(mar.payload).toMatchObject({ period: '2026-03', count: 1, periodTotalCents: 600, grandTotalCents: 1100, firstSeq: feb.seq });
    expect(t.journal.closure('month', '2026-03')?.seq).toBe(mar.seq);
    expect(t.journal.closure('month', '2026-04')).toBeUndefined();
  });
});
