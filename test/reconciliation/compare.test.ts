// The classification table, case by case, on plain values: every till status against every Region
// status, the statement checks and the actions they lead to; and the statements view's deadline rules.
import { describe, expect, it } from 'vitest';
import { compareMonth, type MonthInputs } from '../../main/reconciliation/compare';
import { contestDaysLeft, statementView } from '../../main/reconciliation/statements-view';
import type { Statement } from '../../protocol/statements';
import type { DebitState, ProjectedDebitStatus } from '../../main/journal/journal';
import type { DebitView } from '../../protocol/debits';
import { tempJournal } from '../support/journal-fixtures';

const AT = '2026-03-10T10:00:00.000Z';

function till(id: string, status: ProjectedDebitStatus, over: Partial<DebitState> = {}): DebitState {
  return {
    debitId: id,
    requestSeq: 1,
    lastSeq: 2,
    kind: 'debit',
    category: 'CINEMA',
    wallet: 'CINEMA',
    item: 'SEANCE',
    sessions: null,
    priceCents: 900,
    amountCents: 500,
    mode: 'online',
    jti: `j-${id}`,
    beneficiaryId: 'B',
    couponId: null,
    occurredAt: AT,
    cashierId: 'c',
    status,
    code: null,
    walletBalanceCents: null,
    acceptedAt: AT,
    voidId: null,
    regionConfirmed: false,
    ...over,
  };
}

function region(id: string, status: 'accepted' | 'voided', over: Partial<DebitView> = {}): DebitView {
  return {
    id,
    deviceId: 'D-1',
    deviceSeq: 1,
    category: 'CINEMA',
    item: 'SEANCE',
    amountCents: 500,
    priceCents: 900,
    status,
    mode: 'online',
    occurredAt: AT,
    acceptedAt: AT,
    voidedAt: null,
    ...over,
  };
}

function statement(over: Partial<Statement> = {}): Statement {
  return {
    month: '2026-03',
    status: 'open',
    debitCount: 0,
    totalCents: 0,
    closedAt: null,
    paidAt: null,
    contestUntil: null,
    ...over,
  };
}

const compare = (over: Partial<MonthInputs>) =>
  compareMonth({
    month: '2026-03',
    deviceId: 'D-1',
    tillDebits: [],
    regionDebits: [],
    statement: null,
    nowMs: Date.parse('2026-03-20T00:00:00Z'),
    ...over,
  });

describe('line by line', () => {
  const cases: [ProjectedDebitStatus, 'accepted' | 'voided' | null, string | null][] = [
    ['accepted', 'accepted', null],
    ['accepted', 'voided', 'STATUS_MISMATCH VOIDED_AT_REGION CHECK_VOID_WITH_REGION'],
    ['accepted', null, 'MISSING_AT_REGION ACCEPTED_THEN_UNKNOWN_AT_REGION RESOLVE_BEFORE_MONTH_CLOSES'],
    ['offline_accepted', 'accepted', null],
    ['offline_accepted', null, 'MISSING_AT_REGION NOT_YET_SENT WAIT_FOR_SYNC'],
    ['requested', 'accepted', 'STATUS_MISMATCH ANSWER_NOT_YET_RECORDED WAIT_FOR_SYNC'],
    ['pending', null, 'MISSING_AT_REGION NOT_YET_SENT WAIT_FOR_SYNC'],
    ['pending', 'voided', null],
    ['void_pending', 'accepted', 'STATUS_MISMATCH VOID_NOT_YET_SENT WAIT_FOR_SYNC'],
    ['void_pending', 'voided', null],
    ['voided', 'voided', null],
    ['voided', 'accepted', 'STATUS_MISMATCH VOID_UNKNOWN_AT_REGION RESOLVE_BEFORE_MONTH_CLOSES'],
    ['voided', null, null],
    ['refused', null, null],
    ['refused', 'accepted', 'STATUS_MISMATCH REFUSED_ON_TILL_ACCEPTED_AT_REGION RESOLVE_BEFORE_MONTH_CLOSES'],
  ];
  it.each(cases)('till %s, Region %s → %s', (tillStatus, regionStatus, expected) => {
    const result = compare({
      tillDebits: [till('d', tillStatus)],
      regionDebits: regionStatus ? [region('d', regionStatus)] : [],
    });
    expect(result.differences.map((d) => `${d.kind} ${d.explanation} ${d.action}`)).toEqual(
      expected ? [expected] : [],
    );
  });

  it('names amount and category differences together, with both sides', () => {
    const result = compare({
      tillDebits: [till('d', 'accepted', { amountCents: 700, category: 'SPECTACLE' })],
      regionDebits: [region('d', 'accepted')],
    });
    expect(result.differences).toMatchObject([
      { kind: 'AMOUNT_MISMATCH', till: { amountCents: 700 }, region: { amountCents: 500 } },
      { kind: 'CATEGORY_MISMATCH', till: { category: 'SPECTACLE' }, region: { category: 'CINEMA' } },
    ]);
  });

  it("tells this device's lost debits from another device's", () => {
    const result = compare({
      regionDebits: [
        region('mine', 'accepted'),
        region('theirs', 'accepted', { deviceId: 'D-2' }),
        region('theirs-voided', 'voided', { deviceId: 'D-2' }),
      ],
    });
    expect(result.differences.map((d) => [d.debitId, d.kind, d.severity])).toEqual([
      ['mine', 'MISSING_ON_TILL', 'action'],
      ['theirs', 'OTHER_DEVICE', 'info'],
      ['theirs-voided', 'OTHER_DEVICE', 'info'],
    ]);
  });
});

describe('statement totals', () => {
  const lines = {
    tillDebits: [till('a', 'accepted')],
    regionDebits: [region('a', 'accepted'), region('b', 'accepted', { deviceId: 'D-2', amountCents: 300 })],
  };

  it('agree: the statement counts this till and the other devices', () => {
    const result = compare({
      ...lines,
      statement: statement({ status: 'closed', debitCount: 2, totalCents: 800 }),
    });
    expect(result.differences.filter((d) => d.kind === 'STATEMENT_TOTAL_MISMATCH')).toEqual([]);
    expect(result.expected).toEqual({ count: 2, totalCents: 800 });
  });

  it("differ from the Region's own lines first, then from the till", () => {
    const own = compare({
      ...lines,
      statement: statement({ status: 'closed', debitCount: 1, totalCents: 500 }),
    });
    expect(own.differences.filter((d) => d.kind === 'STATEMENT_TOTAL_MISMATCH')).toMatchObject([
      {
        explanation: 'STATEMENT_DIFFERS_FROM_REGION_LINES',
        action: 'CONTEST_BEFORE_DEADLINE',
        till: { basis: 'region-lines', count: 2 },
      },
    ]);
    const mine = compare({
      tillDebits: [till('a', 'accepted'), till('x', 'accepted')],
      regionDebits: lines.regionDebits,
      statement: statement({
        status: 'paid',
        debitCount: 2,
        totalCents: 800,
        paidAt: '2026-01-10T00:00:00Z',
        contestUntil: '2026-02-09T00:00:00Z',
      }),
    });
    expect(mine.differences.map((d) => [d.kind, d.explanation, d.action])).toEqual([
      ['MISSING_AT_REGION', 'ACCEPTED_THEN_UNKNOWN_AT_REGION', 'CONTEST_WINDOW_OVER'],
      ['OTHER_DEVICE', 'DEBIT_OF_OTHER_DEVICE', 'RECONCILE_ON_OTHER_DEVICE'],
      ['STATEMENT_TOTAL_MISMATCH', 'STATEMENT_DIFFERS_FROM_TILL', 'CONTEST_WINDOW_OVER'],
    ]);
  });
});

describe('statements view', () => {
  it('counts days left to contest, rounding up, never below zero', () => {
    const until = '2026-04-10T08:00:00.000Z';
    expect(contestDaysLeft(null, 0)).toBeNull();
    expect(contestDaysLeft(until, Date.parse('2026-04-10T07:00:00Z'))).toBe(1);
    expect(contestDaysLeft(until, Date.parse('2026-04-03T08:00:00Z'))).toBe(7);
    expect(contestDaysLeft(until, Date.parse('2026-04-11T00:00:00Z'))).toBe(0);
  });

  it('warns when the deadline nears with a difference open, not before, not without one', () => {
    const t = tempJournal();
    try {
      const paid = statement({
        month: '2026-02',
        status: 'paid',
        paidAt: '2026-03-11T08:00:00.000Z',
        contestUntil: '2026-04-10T08:00:00.000Z',
      });
      /** A reconciliation of February that ran then and left that many differences open. */
      const reconciled = (ranAt: string, openCount: number) =>
        t.journal.append({ kind: 'RECONCILED', payload: { month: '2026-02', ranAt, openCount } });
      const early = Date.parse('2026-03-20T00:00:00Z');
      const late = Date.parse('2026-04-05T00:00:00Z');
      expect(statementView(t.journal, paid, late)).toMatchObject({
        differenceCount: 0,
        deadlineWarning: false,
        lastReconciledAt: null,
        contestDaysLeft: 6,
      });
      reconciled('2026-03-19T09:00:00.000Z', 2);
      expect(statementView(t.journal, paid, early)).toMatchObject({
        differenceCount: 2,
        deadlineWarning: false,
      });
      expect(statementView(t.journal, paid, late)).toMatchObject({
        differenceCount: 2,
        deadlineWarning: true,
        lastReconciledAt: '2026-03-19T09:00:00.000Z',
      });
      expect(statementView(t.journal, paid, Date.parse('2026-04-12T00:00:00Z'))).toMatchObject({
        contestDaysLeft: 0,
        deadlineWarning: false,
      });
      reconciled('2026-04-05T09:00:00.000Z', 0);
      expect(statementView(t.journal, paid, late)).toMatchObject({
        differenceCount: 0,
        deadlineWarning: false,
      });
    } finally {
      t.cleanup();
    }
  });
});
