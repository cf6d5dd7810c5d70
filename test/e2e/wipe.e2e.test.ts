// The end-of-partnership wipe through Gestion, in headless Chromium against the real core and Region server:
// a first confirmation, then the word and a manager's PIN (a wrong one refused in French), then the names
// gone from the journal while its chain still verifies.
import { describe, expect, it } from 'vitest';
import { youthWithPass } from '../support/region-server';
import { useServedPage } from '../support/served-page';

const MANAGER_PIN = '1357';
const world = useServedPage({
  name: 'Cinéma Ariel',
  before: async ({ region, served }) => {
    const lea = await youthWithPass(region, {
      givenName: 'Léa',
      familyName: 'Martin',
      birthDate: '2007-03-14',
    });
    await served.sell(lea.token, { priceCents: 950, amountCents: 700 });
  },
});

describe('the end-of-partnership wipe', () => {
  it('asks twice, then a manager’s PIN, and leaves no name while the chain verifies', async () => {
    const { page, served } = world;
    await page.goto(served.host.url);
    await page.getByRole('navigation', { name: 'Menu principal' }).waitFor();
    await page.keyboard.press('F7');
    await page.getByRole('button', { name: 'Effacer les données personnelles…' }).click();
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain('Cet effacement est définitif');
    // The safe choice has the focus: Enter cancels.
    await page.keyboard.press('Enter');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Effacer les données personnelles…' }).click();
    await page.getByRole('button', { name: 'Continuer' }).click();

    const run = page.getByRole('button', { name: 'Effacer définitivement' });
    expect(await run.isDisabled()).toBe(true);
    await page.getByLabel('Tapez EFFACER pour confirmer').fill('effacer');
    await page.getByLabel('Code PIN du ou de la responsable').fill('999999');
    await run.click();
    await page.locator('[role="alert"][data-code="PIN_INVALID"]').waitFor();
    expect(served.till.journal.persons.all()).toHaveLength(1);

    await page.getByLabel('Code PIN du ou de la responsable').fill(MANAGER_PIN);
    await run.click();
    await expect
      .poll(() => page.locator('[role="status"][data-task="wipe"]').textContent(), { timeout: 15_000 })
      .toContain('Données personnelles effacées (1 personne(s)');
    expect(served.till.journal.persons.all()).toEqual([]);
    expect(served.till.journal.verify().ok).toBe(true);
  });
});
