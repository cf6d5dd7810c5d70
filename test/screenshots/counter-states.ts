// The counter's states at the two till screen sizes (1024×768 and 1366×768), for the README: the holder's card
// with the tariffs, a tariff chosen, the result, a refusal, offline, and a void. Each state must fit the
// screen with no scrolling: this fails loudly where the sale would fall below the fold.
// Run by `npm run screenshots` (never by `npm test`: it rewrites tracked files).
import { chromium, type Page } from 'playwright-core';
import { join } from 'node:path';
import { startRegionServer } from '../support/region-server';
import { chromiumLaunchOptions } from '../support/chromium';
import { startServedTill } from '../support/served-till';
import { must } from '../support/till-calls';
import { typeBurst } from '../scan/key-burst';

const SIZES = [
  {
    width: 1024,
    height: 768,
    youths: [
      ['Léa', 'Martin'],
      ['Hugo', 'Lefèvre'],
    ],
  },
  {
    width: 1366,
    height: 768,
    youths: [
      ['Inès', 'Benali'],
      ['Maël', 'Le Gall'],
    ],
  },
] as const;

const region = await startRegionServer();
const served = await startServedTill(region, {
  name: 'Cinéma Le Palace — Flers',
  accreditations: ['CINEMA', 'SPECTACLE'],
});
const browser = await chromium.launch(chromiumLaunchOptions());
const problems: string[] = [];

await must(served.till, 'tariff.set', {
  tariffs: [
    { id: 'plein', label: 'Plein', category: 'CINEMA', item: 'SEANCE', priceCents: 950 },
    { id: 'reduit', label: 'Réduit', category: 'CINEMA', item: 'SEANCE', priceCents: 700 },
    {
      id: 'abo10',
      label: 'Abonnement 10 places',
      category: 'CINEMA',
      item: 'ABONNEMENT',
      priceCents: 6500,
    },
    { id: 'concert', label: 'Concert', category: 'SPECTACLE', item: 'PLACE', priceCents: 1800 },
  ],
});

async function pass(givenName: string, familyName: string): Promise<string> {
  const youth = await region.admin.createBeneficiary({ givenName, familyName, birthDate: '2007-03-14' });
  return region.admin.mintPass({ beneficiaryId: youth.id });
}

async function scan(page: Page, token: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await typeBurst(cdp, 'azerty', token);
  await cdp.detach();
}

/** `mustSee`: over a page that may scroll behind it (a dialog), what must be in view instead of the whole page. */
async function shot(page: Page, state: string, width: number, mustSee?: string): Promise<void> {
  await page.waitForTimeout(150);
  if (mustSee) {
    const box = await page.locator(mustSee).first().boundingBox();
    const height = page.viewportSize()?.height ?? 0;
    if (!box || box.y + box.height > height)
      problems.push(`${state} at ${width}px: ${mustSee} is not in view`);
  } else {
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    if (overflow > 0) problems.push(`${state} at ${width}px: ${overflow}px below the fold`);
  }
  await page.screenshot({ path: join('docs', 'screenshots', `counter-${state}-${width}.png`) });
}

try {
  for (const size of SIZES) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(served.host.url);
    await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();

    const token = await pass(size.youths[0][0], size.youths[0][1]);
    await scan(page, token);
    await page.locator('.holder').waitFor();
    await shot(page, 'card', size.width);
    await page.keyboard.press('1');
    await page.locator('[data-split] .split').getByText('Atouts : 9,50 €').waitFor();
    await shot(page, 'tariff', size.width);
    await page.keyboard.press('Enter');
    await page.locator('[data-status="accepted"]').waitFor();
    await shot(page, 'result', size.width);

    // The same QR code again (pasted: the scanner path drops a repeat of the same code within seconds): it is
    // refused at the scan, in one French sentence.
    await page.keyboard.press('Escape');
    await page.getByLabel('Ou collez / saisissez le code').fill(token);
    await page.keyboard.press('Enter');
    await page.locator('[role="alert"][data-code]').waitFor();
    await shot(page, 'refused', size.width);

    await region.admin.setFaults({ errorRate: 1 });
    await scan(page, await pass(size.youths[1][0], size.youths[1][1]));
    await page.locator('.pass-card[data-source="offline"]').waitFor();
    await page.getByLabel('Prix (€)').fill('6,00');
    await shot(page, 'offline', size.width);
    await page.keyboard.press('Escape');
    await region.admin.setFaults({});
    await page.locator('[data-offline="true"]').waitFor({ state: 'detached' });

    // A manager's void of the accepted sale, from the journal.
    await page.keyboard.press('F4');
    await page
      .getByRole('heading', { name: /Journal/ })
      .first()
      .waitFor();
    await page
      .getByRole('button', { name: /Détail/ })
      .first()
      .click();
    await page
      .getByRole('button', { name: /Annuler ce paiement/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await shot(page, 'void', size.width, '[role="dialog"] .actions button');
    await context.close();
  }
} finally {
  await browser.close();
  await served.stop();
  await region.stop();
}

if (problems.length > 0) {
  console.error(`The counter does not fit the screen:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`counter screenshots written for ${SIZES.map((s) => `${s.width}×${s.height}`).join(' and ')}`);
