// Issue 17 through the UI, in headless Chromium against the real till (browser mode) and the reference
// Region server: a group outing of 12 passes with 2 refusals (§2.3), avoirs issued for a cancelled event and
// redeemed later (§2.4), a cycle's discipline at the counter (3.2.1), and the contest letter of a paid month where the Region moved a debit to another
// month and shows one this till never made (§4.3.2), the downloaded PDF read back by a real parser.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ContestLetterView, DebitOutcome } from '../../preload/contract';
import { regionForTests } from '../support/region-for-tests';
import { startServedTill, type ServedTill } from '../support/served-till';
import { logInManager, must, type Sale } from '../support/till-calls';
import { browserForTests, printPageOnFailure } from '../support/ui-page';
import { pdfText } from '../support/pdf-text';
import { typeBurst } from '../scan/key-burst';
import { AxeBuilder } from '@axe-core/playwright';

const region = regionForTests();
const browser = browserForTests();
let page: Page | undefined;
const tills: ServedTill[] = [];

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
/** An element's text with the money format's no-break spaces made plain. */
const plain = async (locator: { textContent(): Promise<string | null> }) =>
  ((await locator.textContent()) ?? '').replace(/\s/g, ' ');

afterEach(async () => {
  await page?.context().close();
  page = undefined;
});
// Registered after the hook that closes the page, so that it runs before it (after-hooks run in reverse).
printPageOnFailure(() => page);

afterAll(async () => {
  for (const t of tills) await t.stop();
});

async function servedTill(
  name: string,
  opts: Omit<Parameters<typeof startServedTill>[1], 'name'> = {},
): Promise<ServedTill> {
  const t = await startServedTill(region, { name, ...opts });
  tills.push(t);
  return t;
}

async function openTill(t: ServedTill): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(t.host.url);
  await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();
  return page;
}

let born = 0;
async function youth(
  givenName: string,
  wallets?: { SPECTACLE?: number; CINEMA?: number },
): Promise<{ id: string; token: string }> {
  // One membership per person and season at the Region: each youth is born another day.
  const birthDate = new Date(Date.UTC(2006, 0, 1 + born++)).toISOString().slice(0, 10);
  const y = await region.admin.createBeneficiary({
    givenName,
    familyName: 'Groupe',
    birthDate,
    ...(wallets ? { wallets } : {}),
  });
  return { id: y.id, token: await region.admin.mintPass({ beneficiaryId: y.id }) };
}

/** No serious or critical axe violation on the page as it stands. */
async function expectAccessible(p: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page: p }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** A US-configured keyboard-wedge scanner on an AZERTY counter, wherever the focus is. */
async function wedgeScan(p: Page, token: string): Promise<void> {
  const cdp = await p.context().newCDPSession(p);
  await typeBurst(cdp, 'azerty', token);
  await cdp.detach();
}

/** A debit made at the counter's core (till-calls' sale), accepted, for the screens that follow one. */
async function coreDebit(t: ServedTill, token: string, sale: Sale): Promise<DebitOutcome> {
  const outcome = await t.sell(token, sale);
  expect(outcome.status).toBe('accepted');
  return outcome;
}

describe('a sortie collective', () => {
  it('runs 12 passes in a row, 2 refused to the "à régler autrement" list, and ends with what the leader pays', async () => {
    const t = await servedTill('Théâtre du Groupe', { accreditations: ['SPECTACLE'] });
    const group = [];
    for (let i = 0; i < 9; i += 1) group.push(await youth(`Élève${i + 1}`));
    const short = await youth('Petit', { SPECTACLE: 500 });
    const inactive = await youth('Absent');
    await region.admin.setMembership(inactive.id, 'inactive');
    const p = await openTill(t);

    await p.keyboard.press('F8');
    await p.getByLabel('Nom de la sortie (groupe, spectacle…)').fill('Lycée Malherbe — Tartuffe');
    await p.getByLabel('Prix (€)').fill('12,00');
    await p.getByRole('button', { name: 'Ouvrir la sortie' }).click();
    await p.getByText('Lycée Malherbe — Tartuffe — 12,00 € par personne').waitFor();

    const passes = () => p.locator('[data-passes]').getAttribute('data-passes');
    let count = 0;
    async function pay(token: string, name: string, proposed: string): Promise<void> {
      await wedgeScan(p, token);
      await poll(() => p.locator('.holder').first().textContent()).toBe(`${name} Groupe`);
      // The part proposed: as much as the balance allows, up to the price; Enter takes it.
      expect(await p.getByLabel('Part Atouts (€)').inputValue()).toBe(proposed);
      await p.keyboard.press('Enter');
      await poll(passes).toBe(String(++count));
    }
    async function refused(token: string): Promise<void> {
      await wedgeScan(p, token);
      await poll(passes).toBe(String(++count));
    }
    for (const [i, y] of group.slice(0, 5).entries()) await pay(y.token, `Élève${i + 1}`, '12,00');
    await refused(group[0]!.token); // the same pass again: TOKEN_USED, the run goes on
    await pay(short.token, 'Petit', '5,00');
    await refused(inactive.token); // MEMBERSHIP_INACTIVE
    for (const [i, y] of group.slice(5).entries()) await pay(y.token, `Élève${i + 6}`, '12,00');
    expect(count).toBe(12);
    await expectAccessible(p, 'outing-run');
    expect(await p.locator('table.outing-otherwise tbody tr').count()).toBe(2);
    expect(
      await p
        .locator('table.outing-otherwise [data-code]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))),
    ).toEqual(['TOKEN_USED', 'MEMBERSHIP_INACTIVE']);

    await p.keyboard.press('Alt+t');
    await p.getByRole('heading', { name: /Récapitulatif de la sortie/ }).waitFor();
    // 9 × 12 € + 5 € with Atouts; the leader pays 12 passes × 12 € less that.
    expect(await plain(p.locator('[data-atouts]'))).toBe('Total payé avec Atouts : 113,00 € (10 jeune(s))');
    expect(await plain(p.locator('[data-leader-pays]'))).toBe(
      "Total à régler par l'accompagnateur : 31,00 €",
    );
    expect(await p.locator('table.outing-paid tbody tr').count()).toBe(10);
    await expectAccessible(p, 'outing-summary');

    // Each an ordinary debit in the journal and at the Region, linked to the outing.
    const journal = t.till.journal;
    const linked = journal
      .list({ kinds: ['OUTING_PASS'] })
      .map((e) => e.payload['debitId'])
      .filter((id): id is string => typeof id === 'string');
    expect(linked).toHaveLength(10);
    const ledger = await region.admin.ledger();
    for (const id of linked) {
      expect(journal.debits.get(id)).toMatchObject({
        status: 'accepted',
        category: 'SPECTACLE',
        item: 'PLACE',
        priceCents: 1200,
      });
      expect(ledger.find((d) => d.id === id)).toMatchObject({ status: 'accepted', priceCents: 1200 });
    }
    expect(journal.list({ kinds: ['OUTING_CLOSED'] })).toMatchObject([
      { payload: { debitCount: 10, otherwiseCount: 2, atoutsCents: 11300, leaderPaysCents: 3100 } },
    ]);
  }, 180_000);
});

describe('avoirs for a cancelled event', () => {
  it('the manager issues one per youth from the journal; the counter redeems one in part, then the rest', async () => {
    const t = await servedTill('Salle Annulée', { accreditations: ['SPECTACLE'] });
    const a = await youth('Avoir');
    const b = await youth('Bis');
    const first = await coreDebit(t, a.token, {
      category: 'SPECTACLE',
      item: 'PLACE',
      priceCents: 1500,
      amountCents: 1500,
    });
    const second = await coreDebit(t, b.token, {
      category: 'SPECTACLE',
      item: 'PLACE',
      priceCents: 1500,
      amountCents: 900,
    });
    const totalsBefore = t.till.journal.debits.totals({});
    const p = await openTill(t);

    await p.keyboard.press('F9');
    await p.getByRole('heading', { name: "Choisir les paiements de l'événement annulé" }).waitFor();
    for (const id of [first.debitId, second.debitId])
      await p.locator(`tr[data-debit-id="${id}"] input[type="checkbox"]`).check();
    await p.getByRole('button', { name: 'Émettre les avoirs' }).click();
    await p.getByText('2 avoir(s) émis').waitFor();
    const slip = p.locator('.avoir-slip[data-amount="1500"]');
    const code = (await slip.getAttribute('data-avoir-code'))!;
    expect(code).toMatch(/^AV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await plain(slip)).toBe(
      `Avoir ${code} — 15,00 € pour une prestation Concert / Spectacle, offert par Salle Annulée — Avoir Groupe`,
    );

    // Later, at the counter: 10 € of it, then the 5 € left; more is refused.
    await p.getByLabel("Code de l'avoir").fill(code.toLowerCase());
    await p.getByRole('button', { name: 'Chercher' }).click();
    await p.getByLabel('Montant à utiliser (€)').fill('10,00');
    await p.getByRole('button', { name: "Utiliser l'avoir" }).click();
    await poll(() => p.locator('form[data-avoir]').getAttribute('data-remaining')).toBe('500');
    await p.getByLabel('Montant à utiliser (€)').fill('6,00');
    await p.getByRole('button', { name: "Utiliser l'avoir" }).click();
    await p.getByText("L'avoir ne couvre plus que 5,00 €.").waitFor();
    await p.getByLabel('Montant à utiliser (€)').fill('5,00');
    await p.getByRole('button', { name: "Utiliser l'avoir" }).click();
    await poll(() => p.locator('form[data-avoir]').getAttribute('data-remaining')).toBe('0');
    await poll(() =>
      p.locator(`table.avoir-list tr[data-avoir-code="${code}"]`).getAttribute('data-remaining'),
    ).toBe('0');
    await expectAccessible(p, 'avoirs');

    // Chained entries of their own; the Atouts debits and totals untouched.
    const journal = t.till.journal;
    expect(
      journal
        .list({ kinds: ['AVOIR_ISSUED'] })
        .map((e) => e.payload['amountCents'])
        .sort(),
    ).toEqual([1500, 900].sort());
    expect(
      journal
        .list({ kinds: ['AVOIR_REDEEMED'] })
        .map((e) => [e.payload['amountCents'], e.payload['remainingCents']]),
    ).toEqual([
      [1000, 500],
      [500, 0],
    ]);
    expect(journal.debits.totals({})).toEqual(totalsBefore);
    expect(journal.debits.get(first.debitId)!.status).toBe('accepted');
    expect(journal.verify().ok).toBe(true);
  }, 120_000);
});

describe("a cycle's discipline at the counter", () => {
  it('is picked with the cycle, refused when missing, and printed on the receipt', async () => {
    const t = await servedTill('École des Arts', { accreditations: ['ARTISTIC'] });
    const y = await youth('Cycle');
    const p = await openTill(t);
    await wedgeScan(p, y.token);
    await poll(() => plain(p.locator('.holder').first())).toBe('Cycle Groupe');
    await p.getByLabel('Prix (€)').fill('120,00');
    await p.getByLabel('Part Atouts (€)').fill('30,00');
    // The select is required: the form does not go without it.
    await p.getByLabel('Part Atouts (€)').press('Enter');
    expect(await p.locator('[data-status]').count()).toBe(0);
    await p.getByLabel('Discipline').selectOption({ label: 'Arts marionnettiques' });
    await p.getByLabel('Part Atouts (€)').press('Enter');
    await poll(() => p.locator('[data-status]').getAttribute('data-status')).toBe('accepted');
    await p.keyboard.press('Alt+T');
    await poll(() => plain(p.locator('.receipt'))).toContain('Arts marionnettiques');
    expect(await p.locator('.receipt [data-discipline]').getAttribute('data-discipline')).toBe(
      'ARTS_MARIONNETTIQUES',
    );
    const [debit] = t.till.journal.debits.list({});
    expect(debit).toMatchObject({ item: 'CYCLE', sessions: 5, discipline: 'ARTS_MARIONNETTIQUES' });
  }, 120_000);
});

describe('contesting a paid month', () => {
  it("shows the days left and produces the French letter naming the Region's moved and phantom debits", async () => {
    let nowMs = Date.parse('2026-10-10T10:00:00.000Z');
    const setClock = async (iso: string) => {
      nowMs = Date.parse(iso);
      await region.admin.setClock(iso);
    };
    await setClock('2026-10-10T10:00:00.000Z');
    try {
      const t = await servedTill('Cinéma Contesté', { accreditations: ['CINEMA'], now: () => nowMs });
      const kept = await coreDebit(t, (await youth('Gardé')).token, {
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 950,
        amountCents: 700,
      });
      const moved = await coreDebit(t, (await youth('Déplacé')).token, {
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 950,
        amountCents: 500,
      });
      // A debit the Region puts on this device at a sequence where the journal holds a LOGIN.
      const login = t.till.journal.list({ kinds: ['LOGIN'], limit: 1 })[0]!;
      const ghostId = randomUUID();
      const ghost = await t.till.context.region().postDebit({
        id: ghostId,
        deviceSeq: login.seq,
        token: (await youth('Fantôme')).token,
        category: 'CINEMA',
        item: 'SEANCE',
        amountCents: 250,
        priceCents: 950,
        occurredAt: new Date(nowMs).toISOString(),
        mode: 'online',
        cashierId: 'inconnu',
      });
      expect(ghost.kind).toBe('ok');
      await region.admin.redateDebit(moved.debitId, '2026-11-03T10:00:00.000Z');
      await setClock('2026-11-10T09:00:00.000Z');
      await region.admin.closeMonth('2026-10');
      await region.admin.payMonth('2026-10', '2026-11-12T08:00:00.000Z');
      await setClock('2026-11-13T10:00:00.000Z');
      // Weeks passed: the manager's session ended idle, as it would; they log in again.
      await logInManager(t.till, '1357');
      await must(t.till, 'reconcile.run', { month: '2026-10' });

      const p = await openTill(t);
      await p.keyboard.press('F5');
      const reminder = p.locator('[data-contest-month="2026-10"]');
      await reminder.waitFor();
      expect(await reminder.getAttribute('data-days-left')).toBe('29');
      expect(await plain(reminder.locator('[role="note"]'))).toContain(
        'octobre 2026 : remboursement contestable encore 29 jour(s), jusqu’au 12/12/2026',
      );

      // The differences name the Region, linked across months; none says the journal lost a debit.
      await p.locator('select[name="month"]').selectOption('2026-10');
      await p.getByRole('button', { name: /Rapprocher/ }).click();
      const movedRow = p.locator('table.differences-table tr[data-kind="MONTH_MISMATCH"]');
      await movedRow.waitFor();
      expect(await movedRow.locator('[data-linked-month]').getAttribute('data-linked-month')).toBe('2026-11');
      expect(
        await p.locator('table.differences-table tr[data-kind="MISSING_ON_TILL"]').textContent(),
      ).toContain('prouve ne jamais avoir fait');
      expect(await p.locator('table.differences-table').textContent()).not.toContain('restaurer');

      await reminder.getByRole('button', { name: 'Rédiger la lettre de contestation' }).click();
      const link = reminder.getByRole('link', { name: 'Télécharger la lettre (PDF)' });
      await link.waitFor();
      const [download] = await Promise.all([p.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('contestation-atouts-2026-10.pdf');
      await expectAccessible(p, 'closures-contest');
      const text = (await pdfText(readFileSync((await download.path())!))).replace(/\s+/g, ' ');
      const movedEntry = t.till.journal.get(t.till.journal.debits.get(moved.debitId)!.requestSeq)!;
      for (const expected of [
        'Cinéma Contesté',
        'SIRET : 12345678900011',
        "du mois d'octobre 2026",
        'Montant reçu : 9,50 €',
        'Montant enregistré par notre caisse : 12,00 €',
        `Paiement ${moved.debitId}`,
        `Écriture n° ${movedEntry.seq} — empreinte SHA-256 : ${movedEntry.hash}`,
        'autre mois : novembre 2026',
        `Paiement ${ghostId}`,
        `Écriture n° ${login.seq} (à ce numéro, le journal porte LOGIN, pas ce paiement) — empreinte SHA-256 : ${login.hash}`,
        'Le 13/11/2026',
        'Nom, qualité, signature et cachet',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain(kept.debitId);
      const produced = t.till.journal.list({ kinds: ['CONTEST_LETTER_PRODUCED'] });
      expect(produced).toMatchObject([
        { payload: { month: '2026-10', receivedCents: 950, recordedCents: 1200, lineCount: 2 } },
      ]);
      // The reminder stays, now saying when the letter was produced.
      await poll(() => reminder.textContent()).toContain(`(écriture n° ${produced[0]!.seq})`);
      const statements = await must<
        {
          month: string;
          contestReminder: boolean;
        }[]
      >(t.till, 'statement.list', {});
      expect(statements.find((s) => s.month === '2026-10')?.contestReminder).toBe(true);
      expect((await must<ContestLetterView>(t.till, 'contest.letter', { month: '2026-10' })).daysLeft).toBe(
        29,
      );
      // Every screen reminds the manager until the deadline: here the counter.
      await p.keyboard.press('F1');
      await poll(() => plain(p.locator('.contest-banner [data-month="2026-10"]'))).toContain(
        'octobre 2026 : lettre de contestation produite — envoyez-la en recommandé avant le 12/12/2026 (encore 29 jour(s)).',
      );
    } finally {
      await region.admin.setClock(null);
    }
  }, 180_000);
});
