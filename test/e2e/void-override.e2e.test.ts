// A void on a cashier's session, authorised by a manager's PIN typed in the dialog, in headless Chromium
// against the real till core (browser mode, in this process so the journal can be read) and the reference
// Region server: the journal list from the keyboard (search box → Down → Enter → Alt+V), a dialog that names
// whose payment, what, how much and when, a wrong manager PIN refused in French, the right one voiding the
// debit at the Region under the manager's authority while the session stays the cashier's.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DebitOutcome, StaffView, TillStatus } from '../../preload/contract';
import { regionForTests } from '../support/region-for-tests';
import { youthWithPass } from '../support/region-server';
import { servedTillForTests } from '../support/till-for-tests';
import { must } from '../support/till-calls';
import { browserForTests, expectAccessible, pageForTests, printPageOnFailure } from '../support/ui-page';

const region = regionForTests();
const served = servedTillForTests(region, { name: 'Cinéma Ariel' });
const browser = browserForTests();
const page = pageForTests(browser);
printPageOnFailure(() => page);
let manager: StaffView;
let cashier: StaffView;
let debit: DebitOutcome;

// Served-till's manager; PIN hashing is deliberately slow on a shared machine: poll, never sleep.
const MANAGER_PIN = '1357';
const CASHIER_PIN = '8642';
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const text = async (selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s/g, ' ');

beforeAll(async () => {
  const { till } = served;
  const [first] = await must<StaffView[]>(till, 'staff.list', {});
  if (!first) throw new Error('no manager');
  manager = first;
  cashier = await must<StaffView>(till, 'staff.add', {
    name: 'Karim Haddad',
    role: 'cashier',
    pin: CASHIER_PIN,
  });
  // The shift changes hands: from here on the session is the cashier's.
  await must(till, 'staff.login', { staffId: cashier.id, pin: CASHIER_PIN });
  const lea = await youthWithPass(region, {
    givenName: 'Léa',
    familyName: 'Martin',
    birthDate: '2007-03-14',
  });
  debit = await served.sell(lea.token, { priceCents: 950, amountCents: 700 });
  expect(debit.status).toBe('accepted');
  // Other sales of the day after Léa's: the list is long enough for Tab presses to count.
  for (const [givenName, birthDate] of [
    ['Hugo', '2006-01-02'],
    ['Inès', '2007-05-06'],
    ['Nina', '2008-07-08'],
  ] as const) {
    const youth = await youthWithPass(region, { givenName, familyName: 'Morel', birthDate });
    await served.sell(youth.token, { priceCents: 800, amountCents: 500 });
  }
}, 120_000);

describe("a manager's override of a void on a cashier's session", () => {
  it('reaches the entry from the keyboard: search box, Down, Enter', async () => {
    await page.goto(served.host.url);
    await poll(() => text('.status-bar')).toContain('Karim Haddad');
    // A cinema cannot hold coupons: no Bons (F2), and F2 opens nothing.
    expect(
      await page
        .getByRole('navigation', { name: 'Menu principal' })
        .getByRole('button', { name: 'Bons (F2)' })
        .count(),
    ).toBe(0);
    await page.keyboard.press('F2');
    expect(await page.getByRole('heading', { name: 'Bons de pré-paiement' }).count()).toBe(0);
    await page.keyboard.press('F4');
    await poll(() => page.locator('.journal-table tbody tr').count()).toBe(4);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('search');
    // From the search box, Tab crosses the filters once and lands on the list: one stop, however many rows.
    let tabs = 0;
    while (tabs < 30 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-debit-id')))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThanOrEqual(8);
    // One more Tab leaves the list: the other rows and their Détail buttons are not stops.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.journal-table') === null)).toBe(true);
    await page.locator('input[name="search"]').focus();
    // The search box has the focus on arrival; typing filters the list.
    await page.keyboard.type('léa');
    await poll(() => page.locator('.journal-table tbody tr').count()).toBe(1);
    await page.keyboard.type('x');
    await poll(() => page.locator('.journal-table').count()).toBe(0);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-debit-id'))).toBe(
      debit.debitId,
    );
    // The list is one Tab stop: the row's Détail button is not another.
    expect(await page.locator('.journal-table tbody button').getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('dialog').count()).toBe(1);
    // What the entry was, first; the chain as a technical detail.
    const summary = await text('.entry-summary');
    for (const part of [
      'Léa Martin',
      'Cinéma — Séance',
      '7,00 € payés avec Atouts (prix 9,50 €)',
      'Karim Haddad',
    ])
      expect(summary).toContain(part);
    expect(await page.locator('details.technical').getAttribute('open')).toBeNull();
    await expectAccessible(page, 'journal detail');
  });

  it('the void dialog names the payment; Escape keeps it', async () => {
    await page.keyboard.press('Alt+V');
    await poll(() => page.locator('.void-form').count()).toBe(1);
    expect(await text('.void-summary')).toContain('Léa Martin');
    expect(await text('.void-summary')).toContain('7,00 €');
    expect(await text('.void-form')).not.toContain('DEBIT_REQUESTED');
    expect(await page.getByRole('button', { name: 'Garder le paiement (Échap)' }).count()).toBe(1);
    const voidButton = page.getByRole('button', { name: /^Annuler ce paiement de 7,00\s€$/ });
    expect(await voidButton.isDisabled()).toBe(true);
    // The focus is in the reason; Enter there voids nothing. (Filled, not typed: Playwright's typing is as
    // fast as a keyboard-wedge scanner, and the till would take it for a scan.)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('reason');
    await page.getByLabel("Motif de l'annulation").fill('Séance annulée');
    await page.keyboard.press('Enter');
    expect(await page.locator('.void-form').count()).toBe(1);
    await expectAccessible(page, 'void dialog (cashier)');
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.void-form').count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(
      (await served.till.dispatch('debit.get', { debitId: debit.debitId })) as { value: DebitOutcome },
    ).toMatchObject({ value: { status: 'accepted' } });
  });

  it('a cashier cannot void alone, and a wrong manager PIN is refused in French', async () => {
    // The contract says why without the dialog: a cashier's session, no override.
    expect(
      await served.till.dispatch('debit.void', { debitId: debit.debitId, reason: 'Séance annulée' }),
    ).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    await page.keyboard.press('Alt+V');
    await page.getByLabel("Motif de l'annulation").fill('Séance annulée');
    await page.getByLabel(/^Responsable/).selectOption({ label: manager.name });
    await page.getByLabel('Code PIN du responsable').fill('9999');
    await page.getByRole('button', { name: /^Annuler ce paiement de 7,00\s€$/ }).click();
    await poll(() => page.locator('[role="alert"]').getAttribute('data-code')).toBe('OVERRIDE_PIN_INVALID');
    expect(await text('[role="alert"]')).toContain('Code PIN du responsable incorrect');
    // The PIN is cleared and has the focus for the next try; nothing was voided or journaled.
    expect(await page.getByLabel('Code PIN du responsable').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('overridePin');
    expect(served.till.journal.list({ kinds: ['VOID_REQUESTED'] })).toEqual([]);
    await expectAccessible(page, 'void dialog (wrong PIN)');
  });

  it("the manager's PIN voids it at the Region; the journal names who authorised; the session stays the cashier's", async () => {
    await page.keyboard.type(MANAGER_PIN);
    await page.getByRole('button', { name: /^Annuler ce paiement de 7,00\s€$/ }).click();
    await poll(() => page.locator('.void-form').count()).toBe(0);
    await page.getByLabel('État').selectOption({ label: 'Annulé' });
    await page.getByRole('button', { name: 'Afficher (Entrée)' }).click();
    await poll(() => page.locator('.journal-table tbody tr[data-status="voided"]').count()).toBe(1);

    await poll(async () => (await region.admin.ledger()).find((d) => d.id === debit.debitId)?.status).toBe(
      'voided',
    );
    const [requested] = served.till.journal.list({ kinds: ['VOID_REQUESTED'] });
    // The chain keeps a code; the typed text lives outside it, purged with the personal data (issue 15).
    expect(requested).toMatchObject({
      cashierId: cashier.id,
      payload: { debitId: debit.debitId, reason: 'OTHER', authorisedBy: manager.id },
    });
    expect(served.till.journal.voidNotes.get(String(requested!.payload['voidId']))).toBe('Séance annulée');
    const status = await must<TillStatus>(served.till, 'till.status', {});
    expect(status.staff).toMatchObject({ id: cashier.id, role: 'cashier' });
    // The entry says who asked and who authorised, in words.
    await page.locator('.journal-table tbody tr[data-status="voided"]').focus();
    await page.keyboard.press('Enter');
    await poll(() => text('.void-request')).toContain(
      `Demandée par Karim Haddad, autorisée par ${manager.name} (code PIN du responsable)`,
    );
    expect(await text('.void-request')).toContain('Autre');
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'journal after the void');
  });
});
