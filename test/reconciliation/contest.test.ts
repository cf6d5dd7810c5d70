// The right culprit and the contest letter (issue 17, §4.3.2), against the reference Region server: a
// debit the Region re-dated into another month and a debit it attributes to this till that the till never
// made are the Region's differences (linked across months, proven by the verified chain), not a lost
// journal; the paid month's letter carries them, read back by a real PDF parser.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { runCli } from '../../main/cli/dispatch';
import { COMMANDS } from '../../main/cli/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ContestLetterView,
  ContestReminder,
  ReconciliationView,
  StatementView,
} from '../../preload/contract';
import { regionForTests } from '../support/region-for-tests';
import { pdfText } from '../support/pdf-text';
import { enrolledTill, newYouth, ok, sharedClock, tillDebit, type TestTill } from './harness';

const region = regionForTests({ now: '2026-10-10T10:00:00.000Z' });
const clock = sharedClock(region, '2026-10-10T10:00:00.000Z');
let a: TestTill;

beforeAll(async () => {
  const partner = await region.admin.createPartner({
    name: 'Cinéma Le Rex',
    siret: '12345678900011',
    accreditations: ['CINEMA'],
  });
  a = await enrolledTill(region, clock, partner, 'Caisse 1');
}, 60_000);

afterAll(() => {
  a?.close();
});

/** A debit the Region records under this device, at a deviceSeq where the journal holds some other fact. */
async function debitNeverMade(t: TestTill, amountCents: number): Promise<{ id: string; seq: number }> {
  const login = t.till.journal.list({ kinds: ['LOGIN'], limit: 1 })[0]!;
  const token = await region.admin.mintPass({ beneficiaryId: await newYouth(region) });
  const id = randomUUID();
  const outcome = await t.till.context.region().postDebit({
    id,
    deviceSeq: login.seq,
    token,
    category: 'CINEMA',
    item: 'SEANCE',
    amountCents,
    priceCents: 950,
    occurredAt: new Date(clock.now()).toISOString(),
    mode: 'online',
    cashierId: 'ghost',
  });
  expect(outcome.kind).toBe('ok');
  return { id, seq: login.seq };
}

/** The shared clock jumps weeks: the staff session has ended idle meanwhile, as it would. */
async function login(): Promise<void> {
  const staff = ok<{ id: string }[]>(await a.till.dispatch('staff.list', {}));
  ok(await a.till.dispatch('staff.login', { staffId: staff[0]!.id, pin: '1234' }));
}
const run = async (month: string) =>
  ok<ReconciliationView>(await a.till.dispatch('reconcile.run', { month }));

describe('the Region moved a debit and shows one this till never made', () => {
  it('names the Region as the culprit, links the months, and drafts the contest letter until the deadline', async () => {
    const kept = await tillDebit(region, a, { amountCents: 700 });
    const moved = await tillDebit(region, a, { amountCents: 500 });
    const ghost = await debitNeverMade(a, 250);
    await region.admin.redateDebit(moved.debitId, '2026-11-03T10:00:00.000Z');

    await clock.set('2026-11-10T09:00:00.000Z');
    await region.admin.closeMonth('2026-10');
    await region.admin.payMonth('2026-10', '2026-11-12T08:00:00.000Z');
    await clock.set('2026-11-13T10:00:00.000Z');
    await login();

    const october = await run('2026-10');
    const about = (v: ReconciliationView, id: string) => v.differences.filter((d) => d.debitId === id);
    expect(about(october, kept.debitId)).toEqual([]);
    expect(about(october, moved.debitId)).toMatchObject([
      {
        kind: 'MONTH_MISMATCH',
        explanation: 'REGION_DATED_OTHER_MONTH',
        action: 'CONTEST_BEFORE_DEADLINE',
        linkedMonth: '2026-11',
      },
    ]);
    expect(about(october, ghost.id)).toMatchObject([
      {
        kind: 'MISSING_ON_TILL',
        explanation: 'NEVER_MADE_BY_THIS_TILL',
        action: 'CONTEST_BEFORE_DEADLINE',
        region: { deviceId: a.deviceId },
      },
    ]);
    expect(october.differences.some((d) => d.explanation === 'JOURNAL_LOST_DEBIT')).toBe(false);
    // `till reconcile` says the same, the link included.
    const out: string[] = [];
    const code = await runCli(
      COMMANDS,
      ['reconcile', '--month', '2026-10', '--db', join(a.dataDir, 'journal.sqlite'), '--key-file', a.keyFile],
      { out: (l) => out.push(l), err: () => undefined, now: () => new Date(clock.now()) },
    );
    expect(code).toBe(1);
    expect(
      out.some(
        (l) =>
          l.includes('MONTH_MISMATCH') && l.includes(moved.debitId) && l.includes('[other month 2026-11]'),
      ),
    ).toBe(true);
    expect(
      out.some(
        (l) => l.includes('MISSING_ON_TILL') && l.includes(ghost.id) && l.includes('NEVER_MADE_BY_THIS_TILL'),
      ),
    ).toBe(true);
    // The other side of the link: November's run finds the same debit by its id in October's journal.
    const november = await run('2026-11');
    expect(about(november, moved.debitId)).toMatchObject([
      {
        kind: 'MONTH_MISMATCH',
        explanation: 'REGION_DATED_OTHER_MONTH',
        linkedMonth: '2026-10',
        action: 'RESOLVE_BEFORE_MONTH_CLOSES',
      },
    ]);

    // The manager's reminder comes from the journal: the paid month with a difference open, before any letter.
    expect(ok<ContestReminder[]>(await a.till.dispatch('contest.reminders', {}))).toEqual([
      {
        month: '2026-10',
        contestUntil: '2026-12-12T08:00:00.000Z',
        daysLeft: 29,
        openCount: 3,
        letterAt: null,
      },
    ]);
    const before = ok<StatementView[]>(await a.till.dispatch('statement.list', {})).find(
      (s) => s.month === '2026-10',
    )!;
    expect(before).toMatchObject({
      status: 'paid',
      contestDaysLeft: 29,
      contestReminder: true,
      contestLetterAt: null,
    });

    const letter = ok<ContestLetterView>(await a.till.dispatch('contest.letter', { month: '2026-10' }));
    expect(letter).toMatchObject({
      month: '2026-10',
      receivedCents: 950,
      recordedCents: 1200,
      lineCount: 2,
      daysLeft: 29,
      fileName: 'contestation-atouts-2026-10.pdf',
    });
    const text = await pdfText(Buffer.from(letter.pdfBase64, 'base64'));
    const movedEntry = a.till.journal.get(a.till.journal.debits.get(moved.debitId)!.requestSeq)!;
    const ghostEntry = a.till.journal.get(ghost.seq)!;
    for (const expected of [
      'Cinéma Le Rex',
      'SIRET : 12345678900011',
      'octobre 2026',
      'Montant reçu : 9,50 €',
      'Montant enregistré par notre caisse : 12,00 €',
      `Paiement ${moved.debitId}`,
      `Écriture n° ${movedEntry.seq}`,
      movedEntry.hash,
      'autre mois : novembre 2026',
      `Paiement ${ghost.id}`,
      `Écriture n° ${ghostEntry.seq} (à ce numéro, le journal porte LOGIN, pas ce paiement)`,
      ghostEntry.hash,
      'Le 13/11/2026',
      'signature',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    const recorded = a.till.journal.get(letter.entrySeq)!;
    expect(recorded).toMatchObject({
      kind: 'CONTEST_LETTER_PRODUCED',
      payload: { month: '2026-10', receivedCents: 950, recordedCents: 1200, lineCount: 2 },
    });

    const after = ok<StatementView[]>(await a.till.dispatch('statement.list', {})).find(
      (s) => s.month === '2026-10',
    )!;
    expect(after).toMatchObject({ contestReminder: true, contestLetterSeq: letter.entrySeq });
    // Offline too: the reminder needs no Region.
    region.kill();
    try {
      expect(ok<ContestReminder[]>(await a.till.dispatch('contest.reminders', {}))).toMatchObject([
        { month: '2026-10', daysLeft: 29, letterAt: recorded.at },
      ]);
    } finally {
      await region.restart();
    }

    // The reminder lasts until the deadline (paidAt + 30 days), then the letter is refused.
    await clock.set('2026-12-12T09:00:00.000Z');
    await login();
    expect(
      ok<StatementView[]>(await a.till.dispatch('statement.list', {})).find((s) => s.month === '2026-10'),
    ).toMatchObject({ contestReminder: false, contestDaysLeft: 0 });
    const late = await a.till.dispatch('contest.letter', { month: '2026-10' });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONTEST_DEADLINE_PASSED' } });
    expect(ok<ContestReminder[]>(await a.till.dispatch('contest.reminders', {}))).toEqual([]);
  }, 90_000);

  it('after a restored backup, a debit past the restored head is not provably absent: the journal may have lost it', async () => {
    const partner = await region.admin.createPartner({
      name: 'Cinéma Restauré',
      siret: '12345678900029',
      accreditations: ['CINEMA'],
    });
    const b = await enrolledTill(region, clock, partner, 'Caisse R');
    try {
      const head = b.till.journal.head();
      // As main/backup/restore-journal.ts records it: the entries after this head were numbered again.
      b.till.journal.append({
        kind: 'RESTORED',
        cashierId: null,
        payload: { stage: 'local', file: 'backup.sqlite', headSeq: head.seq, headHash: head.hash },
      });
      b.till.journal.append({ kind: 'LOGIN', cashierId: null, payload: {} });
      const reused = b.till.journal.head().seq;
      const below = b.till.journal.list({ kinds: ['LOGIN'], limit: 1 })[0]!.seq;
      const post = async (deviceSeq: number) => {
        const id = randomUUID();
        const token = await region.admin.mintPass({ beneficiaryId: await newYouth(region) });
        const outcome = await b.till.context.region().postDebit({
          id,
          deviceSeq,
          token,
          category: 'CINEMA',
          item: 'SEANCE',
          amountCents: 300,
          priceCents: 950,
          occurredAt: new Date(clock.now()).toISOString(),
          mode: 'online',
          cashierId: 'x',
        });
        expect(outcome.kind).toBe('ok');
        return id;
      };
      const lost = await post(reused);
      const neverMade = await post(below);
      const view = ok<ReconciliationView>(await b.till.dispatch('reconcile.run', { month: '2026-12' }));
      expect(view.differences.find((d) => d.debitId === lost)).toMatchObject({
        kind: 'MISSING_ON_TILL',
        explanation: 'JOURNAL_LOST_DEBIT',
      });
      expect(view.differences.find((d) => d.debitId === neverMade)).toMatchObject({
        kind: 'MISSING_ON_TILL',
        explanation: 'NEVER_MADE_BY_THIS_TILL',
      });
    } finally {
      b.close();
    }
  }, 60_000);

  it('refuses a letter for a month that is not paid', async () => {
    const open = await a.till.dispatch('contest.letter', { month: '2026-11' });
    expect(open).toMatchObject({
      ok: false,
      error: { code: 'CONTEST_NOT_DUE', params: { reason: 'not_paid' } },
    });
  }, 30_000);
});
