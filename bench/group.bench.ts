// A sortie collective through the real UI in headless Chromium (browser mode, the Region on loopback), against
// the plain counter's rate in the same run: a keyboard-wedge scan (AZERTY counter), then one key —
// - group.scans_per_minute: passes per minute in an open outing, each a scan, the proposed part taken with
//   Enter, until the pass is counted on screen (a debit accepted by the Region and linked to the outing).
// - group.counter_scans_per_minute: the counter's standard sale (scan → 1 → Enter → "accepted") with the
//   same driver, youths and Region; group.vs_counter_ratio is the outing's rate over the counter's. The
//   issue sets no target: the figure says whether group mode is faster than the counter, and by how much.
import type { Page } from 'playwright-core';
import { startBenchTill } from './bench-till';
import { must } from '../test/support/till-calls';
import { typeBurst } from '../test/scan/key-burst';
import type { OutingView } from '../preload/contract';
import { type Bench, round } from './figure';

async function perMinute(
  page: Page,
  tokens: readonly string[],
  onePass: (token: string, i: number) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  for (const [i, token] of tokens.entries()) await onePass(token, i);
  return (tokens.length * 60_000) / (performance.now() - started);
}

const bench: Bench = async ({ quick }) => {
  const rounds = quick ? 12 : 60;
  const { served, browser, tokens, stop } = await startBenchTill('Groupe', 2 * rounds);
  try {
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1024, height: 768 } });
    await page.goto(served.host.url);
    await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();
    const cdp = await page.context().newCDPSession(page);

    // The counter first, as sale.bench.ts drives it (queue mode: each scan dismisses the last result).
    const counter = await perMinute(page, tokens.slice(0, rounds), async (token) => {
      const before = await page.evaluate(
        () => document.querySelector('[data-status="accepted"]')?.getAttribute('data-debit-id') ?? null,
      );
      await typeBurst(cdp, 'azerty', token);
      await page.locator('.sale .tariffs').waitFor();
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await page.waitForFunction((previous) => {
        const shown = document.querySelector('[data-status="accepted"]');
        return shown !== null && shown.getAttribute('data-debit-id') !== previous;
      }, before);
    });

    await must(served.till, 'outing.open', {
      title: 'Bench',
      category: 'CINEMA',
      item: 'SEANCE',
      priceCents: 950,
    });
    await page.keyboard.press('F8');
    await page.locator('[data-passes="0"]').waitFor();
    const group = await perMinute(page, tokens.slice(rounds), async (token, i) => {
      await typeBurst(cdp, 'azerty', token);
      await page.locator('.sale input[name="part"]').waitFor();
      await page.keyboard.press('Enter');
      await page.locator(`[data-passes="${i + 1}"]`).waitFor();
    });
    const outing = await must<OutingView | null>(served.till, 'outing.current', {});
    if (!outing || outing.debitCount !== rounds)
      throw new Error(`the outing counted ${outing?.debitCount ?? 0} debits of ${rounds}`);

    return [
      { name: 'group.scans_per_minute', value: round(group), unit: 'scans/min' },
      { name: 'group.counter_scans_per_minute', value: round(counter), unit: 'scans/min' },
      { name: 'group.vs_counter_ratio', value: round(group / counter), unit: 'x' },
    ];
  } finally {
    await stop();
  }
};

export default bench;
