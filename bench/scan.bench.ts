// scan.card_p50_ms / scan.card_p95_ms: from the last key of a keyboard-wedge scanner's burst (its Enter,
// typed as a US-configured scanner on an AZERTY machine, as trusted CDP key events) to the holder's card on
// screen, in headless Chromium, against the real till in browser mode and the Region on loopback.
// scan.paste_card_*: the same from a pasted scan's Enter. The baseline, measured in the same page and run,
// is the bare contract call (pass.scan over HTTP) without the UI: scan.ui_overhead_ratio says what the
// wedge capture and React add on top.
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../test/support/chromium';
import { startRegionServer } from '../test/support/region-server';
import { startTillHost } from '../test/support/till-host';
import { typeBurst } from '../test/scan/key-burst';
import { percentile, type Bench, round } from './figure';

declare global {
  interface Window {
    __benchEnterAt?: number;
    __benchCardAt?: Promise<number>;
  }
}

/** Resolves with the instant the card (`.holder`) is in the page. */
function armCardWatch(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.__benchCardAt = new Promise<number>((resolve, reject) => {
      window.setTimeout(
        () => reject(new Error(`no card within 10 s: ${document.body.innerText.slice(0, 400)}`)),
        10_000,
      );
      // No named function in here: tsx's keepNames would reference a helper the page does not have.
      const observer = new MutationObserver(() => {
        if (document.querySelector('.holder') !== null) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  });
}

const bench: Bench = async ({ quick }) => {
  const rounds = quick ? 30 : 200;
  const region = await startRegionServer();
  const till = await startTillHost();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const partner = await region.admin.createPartner({
      name: 'Cinéma Bench',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    const page = await browser.newPage({ locale: 'fr-FR' });
    // Registered before the page's own scripts: sees the burst's Enter before the wedge capture swallows it.
    await page.addInitScript(() => {
      window.addEventListener(
        'keydown',
        (e) => e.key === 'Enter' && (window.__benchEnterAt = performance.now()),
        { capture: true },
      );
    });
    await page.goto(till.url);
    await page.getByLabel('Adresse du serveur de la Région').fill(region.url);
    await page.getByLabel('Identifiant de la structure').fill(partner.id);
    await page.getByLabel("Code d'activation").fill(partner.activationCode);
    await page.getByLabel('Votre nom (responsable)').fill('Bench');
    await page.getByLabel('Votre code PIN (6 à 8 chiffres)').fill('123456');
    await page.getByRole('button', { name: 'Enregistrer la caisse' }).click();
    await page.getByLabel('Code PIN', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'Ouvrir la session' }).click();
    await page.getByLabel('Ou collez / saisissez le code').waitFor();

    const tokens: string[] = [];
    for (let i = 0; i < 2 * rounds; i += 1) {
      const youth = await region.admin.createBeneficiary({
        givenName: 'Bench',
        familyName: `Youth${i}`,
        birthDate: '2006-01-01',
      });
      tokens.push(await region.admin.mintPass({ beneficiaryId: youth.id }));
    }

    const cdp = await page.context().newCDPSession(page);
    const wedge: number[] = [];
    for (const token of tokens.slice(rounds)) {
      await armCardWatch(page);
      await typeBurst(cdp, 'azerty', token);
      wedge.push(await page.evaluate(async () => (await window.__benchCardAt!) - window.__benchEnterAt!));
      await page.keyboard.press('F1');
      await page.getByLabel('Ou collez / saisissez le code').waitFor();
    }

    const card: number[] = [];
    for (const token of tokens.slice(0, rounds)) {
      await armCardWatch(page);
      // Pasted text then Enter: Playwright's typed keys carry no Shift state, which the wedge capture
      // (rebuilding text from physical keys) rightly needs, so the burst is given as one paste.
      await page.getByLabel('Ou collez / saisissez le code').fill(token);
      await page.keyboard.press('Enter');
      const elapsed = await page.evaluate(async () => (await window.__benchCardAt!) - window.__benchEnterAt!);
      card.push(elapsed);
      await page.keyboard.press('F1');
      await page.getByLabel('Ou collez / saisissez le code').waitFor();
    }

    // Baseline: the same call from the same page, straight over the transport, no UI.
    const bare = await page.evaluate(
      async (list) => {
        const secret = sessionStorage.getItem('atouts.till.secret') ?? '';
        const out: number[] = [];
        for (const text of list) {
          const started = performance.now();
          const res = await fetch('/api/call/pass.scan', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-till-secret': secret },
            body: JSON.stringify({ input: { text, source: 'paste' } }),
          });
          await res.json();
          out.push(performance.now() - started);
        }
        return out;
      },
      tokens.slice(0, rounds),
    );

    const p50 = percentile(wedge, 50);
    const bareP50 = percentile(bare, 50);
    return [
      { name: 'scan.card_p50_ms', value: round(p50), unit: 'ms' },
      { name: 'scan.card_p95_ms', value: round(percentile(wedge, 95)), unit: 'ms', target: '<=150' },
      { name: 'scan.paste_card_p50_ms', value: round(percentile(card, 50)), unit: 'ms' },
      { name: 'scan.paste_card_p95_ms', value: round(percentile(card, 95)), unit: 'ms', target: '<=150' },
      { name: 'scan.bare_call_p50_ms', value: round(bareP50), unit: 'ms' },
      { name: 'scan.ui_overhead_ratio', value: round(p50 / bareP50), unit: 'x' },
    ];
  } finally {
    await browser.close();
    await till.stop();
    await region.stop();
  }
};

export default bench;
