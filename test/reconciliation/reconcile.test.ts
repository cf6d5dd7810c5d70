// Reconciliation against the reference Region server: each kind of difference made for real (a debit
// of another device, one the Region never saw, one voided behind the till's back, a closed month whose
// statement disagrees…), classified by the engine; a clean month reports none.
import { afterAll, describe, expect, it } from 'vitest';
import type { DifferenceView, ReconciliationView, StatementView } from '../../preload/contract';
import { join } from 'node:path';
import { runCli } from '../../main/cli/dispatch';
import { COMMANDS } from '../../main/cli/registry';
import { reconcileAfterSync, lastReconciliation } from '../../main/reconciliation/reconcile';
import { regionForTests } from '../support/region-for-tests';
import {
  enrolledTill,
  journalOnlyDebit,
  ok,
  regionOnlyDebit,
  sharedClock,
  tillDebit,
  type TestTill,
} from './harness';

const region = regionForTests({ now: '2026-01-12T10:00:00.000Z' });
const clock = sharedClock(region, '2026-01-12T10:00:00.000Z');
const tills: TestTill[] = [];

afterAll(() => {
  for (const t of tills) t.close();
});

async function partnerTills(accreditations: ('CINEMA' | 'SPECTACLE')[], count: number): Promise<TestTill[]> {
  const partner = await region.admin.createPartner({
    name: 'Cinéma Le Rex',
    siret: '12345678900011',
    accreditations,
  });
  const out: TestTill[] = [];
  for (let i = 0; i < count; i += 1) {
    const code =
      i === 0 ? partner.activationCode : (await region.admin.newActivationCode(partner.id)).activationCode;
    const t = await enrolledTill(region, clock, { id: partner.id, activationCode: code }, `Caisse ${i + 1}`);
    tills.push(t);
    out.push(t);
  }
  return out;
}

const run = async (t: TestTill, month: string) =>
  ok<ReconciliationView>(await t.till.dispatch('reconcile.run', { month }));
const kinds = (v: ReconciliationView) => v.differences.map((d) => d.kind).sort();
/** `till reconcile` in-process, on the till's own data folder and key file, with the shared clock. */
async function cli(t: TestTill, args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    COMMANDS,
    ['reconcile', '--db', join(t.dataDir, 'journal.sqlite'), '--key-file', t.keyFile, ...args],
    { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date(clock.now()) },
  );
  return { code, out, err };
}
const about = (v: ReconciliationView, debitId: string): DifferenceView[] =>
  v.differences.filter((d) => d.debitId === debitId);

describe('reconciliation against the reference Region', () => {
  it('a clean month, with a void made through the till, reports no difference, open or paid', async () => {
    const [a] = await partnerTills(['CINEMA'], 1);
    await tillDebit(region, a!);
    const voided = await tillDebit(region, a!, { amountCents: 900 });
    ok(await a!.till.dispatch('debit.void', { debitId: voided.debitId, reason: 'séance annulée' }));
    await tillDebit(region, a!, { amountCents: 450 });

    const open = await run(a!, '2026-01');
    expect(open.differences).toEqual([]);
    expect(open).toMatchObject({
      tillCount: 2,
      regionCount: 2,
      tillTotalCents: 1150,
      regionTotalCents: 1150,
      openCount: 0,
    });
    expect(open.statement).toMatchObject({ status: 'open', debitCount: 2, totalCents: 1150 });

    await clock.set('2026-02-04T09:00:00.000Z'); // a month closes no earlier than 72 h (the offline policy) after its end
    await region.admin.closeMonth('2026-01');
    await region.admin.payMonth('2026-01', '2026-02-10T08:00:00.000Z');
    await clock.set('2026-02-15T09:00:00.000Z');
    const paid = await run(a!, '2026-01');
    expect(paid.differences).toEqual([]);
    expect(paid.statement).toMatchObject({
      status: 'paid',
      paidAt: '2026-02-10T08:00:00.000Z',
      contestUntil: '2026-03-12T08:00:00.000Z',
    });

    const entry = a!.till.journal.get(paid.entrySeq)!;
    expect(entry.kind).toBe('RECONCILED');
    expect(entry.payload).toMatchObject({
      month: '2026-01',
      differenceCount: 0,
      openCount: 0,
      tillTotalCents: 1150,
    });

    const statements = ok<StatementView[]>(await a!.till.dispatch('statement.list', {}));
    const january = statements.find((s) => s.month === '2026-01')!;
    expect(january).toMatchObject({
      status: 'paid',
      regionCount: 2,
      regionTotalCents: 1150,
      tillCount: 2,
      tillTotalCents: 1150,
      contestUntil: '2026-03-12T08:00:00.000Z',
      contestDaysLeft: 25,
      differenceCount: 0,
      deadlineWarning: false,
    });
    expect(january.lastReconciledAt).toBe(paid.ranAt);

    const printed = await cli(a!, ['--month', '2026-01']);
    expect(printed).toMatchObject({ code: 0, err: [] });
    expect(printed.out.at(-1)).toBe('OK no difference to act on');
  }, 60_000);

  it('classifies every kind of difference of an open month, then the closed statement that disagrees', async () => {
    await clock.set('2026-02-16T10:00:00.000Z');
    const [a, b] = await partnerTills(['CINEMA', 'SPECTACLE'], 2);
    const clean = await tillDebit(region, a!);
    const byOther = await tillDebit(region, b!, { amountCents: 800 });
    const lostAtRegion = journalOnlyDebit(a!, clock, { amountCents: 600 });
    const notYetSent = journalOnlyDebit(a!, clock, { amountCents: 300, accepted: false });
    const voidedBehind = await tillDebit(region, a!, { amountCents: 400 });
    const voidOutcome = await a!.till.context.region().voidDebit(voidedBehind.debitId, {
      id: crypto.randomUUID(),
      reason: 'hors caisse',
      occurredAt: new Date(clock.now()).toISOString(),
      cashierId: 'x',
    });
    expect(voidOutcome.kind).toBe('ok');
    const lostOnTill = await regionOnlyDebit(region, a!, clock, { amountCents: 250 });
    const amountId = await regionOnlyDebit(region, a!, clock, { amountCents: 500 });
    journalOnlyDebit(a!, clock, { id: amountId, amountCents: 700 });
    const categoryId = await regionOnlyDebit(region, a!, clock, { amountCents: 350 });
    journalOnlyDebit(a!, clock, { id: categoryId, amountCents: 350, category: 'SPECTACLE', item: 'PLACE' });

    const open = await run(a!, '2026-02');
    expect(about(open, clean.debitId)).toEqual([]);
    expect(about(open, byOther.debitId)).toMatchObject([
      {
        kind: 'OTHER_DEVICE',
        severity: 'info',
        action: 'RECONCILE_ON_OTHER_DEVICE',
        region: { deviceId: b!.deviceId },
      },
    ]);
    expect(about(open, lostAtRegion)).toMatchObject([
      {
        kind: 'MISSING_AT_REGION',
        inOutbox: false,
        explanation: 'ACCEPTED_THEN_UNKNOWN_AT_REGION',
        action: 'RESOLVE_BEFORE_MONTH_CLOSES',
      },
    ]);
    expect(about(open, notYetSent)).toMatchObject([
      { kind: 'MISSING_AT_REGION', inOutbox: true, explanation: 'NOT_YET_SENT', action: 'WAIT_FOR_SYNC' },
    ]);
    expect(about(open, voidedBehind.debitId)).toMatchObject([
      {
        kind: 'STATUS_MISMATCH',
        explanation: 'VOIDED_AT_REGION',
        till: { status: 'accepted' },
        region: { status: 'voided' },
      },
    ]);
    expect(about(open, lostOnTill)).toMatchObject([
      {
        kind: 'MISSING_ON_TILL',
        explanation: 'JOURNAL_LOST_DEBIT',
        action: 'RESTORE_JOURNAL_BACKUP',
        severity: 'action',
        region: { deviceId: a!.deviceId },
      },
    ]);
    expect(about(open, amountId)).toMatchObject([
      { kind: 'AMOUNT_MISMATCH', till: { amountCents: 700 }, region: { amountCents: 500 } },
    ]);
    expect(about(open, categoryId)).toMatchObject([
      { kind: 'CATEGORY_MISMATCH', till: { category: 'SPECTACLE' }, region: { category: 'CINEMA' } },
    ]);
    // The open statement is the Region's live count: it matches its lines, not the till.
    expect(open.differences.filter((d) => d.kind === 'STATEMENT_TOTAL_MISMATCH')).toMatchObject([
      { explanation: 'STATEMENT_DIFFERS_FROM_TILL', region: { status: 'open' } },
    ]);
    expect(open.openCount).toBe(open.differences.length - 1);

    await clock.set('2026-03-04T09:00:00.000Z');
    await region.admin.closeMonth('2026-02');
    const closed = await run(a!, '2026-02');
    const statement = closed.differences.filter((d) => d.kind === 'STATEMENT_TOTAL_MISMATCH');
    // Region: clean 700 + other device 800 + lost-on-till 250 + 500 + 350 = 2600 over 5 debits.
    // Till: clean 700 + lost at Region 600 + voided behind 400 + 700 + 350, and the other device's 800.
    expect(statement).toMatchObject([
      {
        explanation: 'STATEMENT_DIFFERS_FROM_TILL',
        action: 'CONTEST_BEFORE_DEADLINE',
        region: { status: 'closed', count: 5, totalCents: 2600 },
        till: { count: 6, totalCents: 3550, basis: 'till' },
      },
    ]);
    expect(about(closed, lostAtRegion)[0]!.action).toBe('CONTEST_BEFORE_DEADLINE');

    const entry = lastReconciliation(a!.till.journal, '2026-02')!;
    expect(entry.seq).toBe(closed.entrySeq);
    expect(entry.payload['byKind']).toEqual(
      Object.fromEntries(
        [...new Set(kinds(closed))].map((k) => [k, kinds(closed).filter((x) => x === k).length]),
      ),
    );

    const json = await cli(a!, ['--month', '2026-02', '--json']);
    expect(json.code).toBe(1);
    const printed = JSON.parse(json.out.join('\n')) as ReconciliationView;
    expect(kinds(printed)).toEqual(kinds(closed));
    const text = await cli(a!, ['--month', '2026-02']);
    expect(text.code).toBe(1);
    expect(
      text.out.some(
        (l) =>
          l.includes('MISSING_AT_REGION') &&
          l.includes(lostAtRegion) &&
          l.includes('CONTEST_BEFORE_DEADLINE'),
      ),
    ).toBe(true);
    expect(text.out.at(-1)).toBe(`${closed.openCount} difference(s) to act on`);
    expect((await cli(a!, ['--month', '2026-02', '--key-file', join(a!.dataDir, 'missing.key')])).code).toBe(
      2,
    );

    const statements = ok<StatementView[]>(await a!.till.dispatch('statement.list', {}));
    expect(statements.find((s) => s.month === '2026-02')).toMatchObject({
      status: 'closed',
      differenceCount: closed.openCount,
      deadlineWarning: true,
      contestDaysLeft: null,
    });
  }, 90_000);

  it('after sync, records a new entry only when the result changed', async () => {
    await clock.set('2026-03-05T10:00:00.000Z');
    const [a] = await partnerTills(['CINEMA'], 1);
    await tillDebit(region, a!);
    const first = await reconcileAfterSync({
      journal: a!.till.journal,
      source: a!.till.context.region(),
      now: () => clock.now(),
    });
    expect(first.map((r) => [r.month, r.view?.differences.length])).toEqual([
      ['2026-02', 0],
      ['2026-03', 0],
    ]);
    const count = () => a!.till.journal.list({ kinds: ['RECONCILED'] }).length;
    expect(count()).toBe(2);
    await reconcileAfterSync({
      journal: a!.till.journal,
      source: a!.till.context.region(),
      now: () => clock.now(),
    });
    expect(count()).toBe(2);
    journalOnlyDebit(a!, clock);
    await reconcileAfterSync({
      journal: a!.till.journal,
      source: a!.till.context.region(),
      now: () => clock.now(),
    });
    expect(count()).toBe(3);
  }, 60_000);

  it('reports the Region unreachable rather than a partial record', async () => {
    const [a] = await partnerTills(['CINEMA'], 1);
    await region.admin.setFaults({ errorRate: 1 });
    try {
      const result = await a!.till.dispatch('reconcile.run', { month: '2026-03' });
      expect(result).toMatchObject({ ok: false, error: { code: 'REGION_UNREACHABLE' } });
      expect(a!.till.journal.list({ kinds: ['RECONCILED'] })).toEqual([]);
    } finally {
      await region.admin.setFaults({});
    }
  }, 60_000);
});
