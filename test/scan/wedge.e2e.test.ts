// The keyboard wedge in headless Chromium: trusted key events (CDP Input.dispatchKeyEvent) whose `key`
// values are what AZERTY or QWERTZ produce for a US-layout scanner's key presses.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTokenVectors } from '../../scripts/fixtures/make-hid-captures';
import { launchChromium, serveHarness, type Harness } from './browser';
import { keyValue, usKeyFor, type Layout } from './keyboard-layouts';
import { typeBurst } from './key-burst';

const token = loadTokenVectors().find((v) => v.expect === 'valid')?.token ?? '';
let harness: Harness;
let browser: Browser;
let page: Page;
let cdp: CDPSession;

/** Types `text` then Enter as a US-configured scanner would on a machine using `layout`. */
const typeOn = (layout: Layout, text: string, opts: { gapMs?: number; capsLock?: boolean } = {}) =>
  typeBurst(cdp, layout, text, opts);

beforeAll(async () => {
  harness = await serveHarness(process.cwd());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

beforeEach(async () => {
  page = await browser.newPage();
  await page.goto(harness.url);
  await page.waitForSelector('body[data-ready=yes]');
  await page.evaluate(() => window.harness.wedge());
  cdp = await page.context().newCDPSession(page);
});

describe('keyboard wedge', () => {
  it('tells naive AZERTY characters apart from the token and rebuilds it exactly', () => {
    // Guard on the test itself: the key values really are AZERTY's, not the token's characters.
    const { code, shift } = usKeyFor('1');
    expect(keyValue('azerty', code, shift)).toBe('&');
    expect(keyValue('azerty', usKeyFor(':').code, usKeyFor(':').shift)).toBe('M');
  });

  it('reads an AZERTY burst into a focused price field without leaking a character into it', async () => {
    await page.fill('#field', '12,50');
    await page.focus('#field');
    await typeOn('azerty', token);
    const scans = await page.evaluate(() => window.harness.scans);
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ text: token, source: 'wedge' });
    expect(scans[0]?.durationMs).toBeGreaterThan(0);
    const gaps = await page.evaluate(() => window.harness.keyGaps);
    console.log(
      `wedge test typing: median gap ${gaps.sort((a, b) => a - b)[gaps.length >> 1]?.toFixed(1)} ms, max ${Math.max(...gaps).toFixed(1)} ms`,
    );
    expect(await page.inputValue('#field')).toBe('12,50');
    // Whatever reached the field transiently was taken back out, and the app heard about it.
    const events = await page.evaluate(() => window.harness.fieldEvents);
    expect(events.some((v) => v !== '12,50')).toBe(true);
    expect(events.at(-1)).toBe('12,50');
  });

  it('reads a QWERTZ burst typed with Caps Lock on, focus on a textarea', async () => {
    await page.focus('#notes');
    await typeOn('qwertz', token, { capsLock: true });
    expect(await page.evaluate(() => window.harness.scans.map((s) => s.text))).toEqual([token]);
    expect(await page.inputValue('#notes')).toBe('');
  });

  it('reads a burst with nothing focused and does not let its spaces press the button', async () => {
    let clicks = 0;
    await page.exposeFunction('countClick', () => clicks++);
    await page.evaluate(() =>
      document
        .querySelector('#button')
        ?.addEventListener('click', () => (window as unknown as { countClick(): void }).countClick()),
    );
    await page.focus('#button');
    await typeOn('azerty', token);
    expect(await page.evaluate(() => window.harness.scans.map((s) => s.text))).toEqual([token]);
    expect(clicks).toBe(0);
  });

  it('leaves a person typing alone, even ending with Enter', async () => {
    await page.focus('#field');
    await typeOn('azerty', 'ATN1:QW12', { gapMs: 90 });
    expect(await page.evaluate(() => window.harness.scans)).toEqual([]);
    expect(await page.inputValue('#field')).toBe('QTN&MAZ&é');
  });
});
