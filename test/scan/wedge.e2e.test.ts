// The keyboard wedge in headless Chromium: trusted key events (CDP Input.dispatchKeyEvent) whose `key`
// values are what AZERTY or QWERTZ produce for a US-layout scanner's key presses.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTokenVectors } from '../../scripts/fixtures/make-hid-captures';
import { launchChromium, serveHarness, type Harness } from './browser';
import { keyValue, usKeyFor, type Layout } from './keyboard-layouts';

const token = loadTokenVectors().find((v) => v.expect === 'valid')?.token ?? '';
let harness: Harness;
let browser: Browser;
let page: Page;
let cdp: CDPSession;

const SHIFT = 8;

type KeyEvent = NonNullable<Parameters<typeof cdp.send<'Input.dispatchKeyEvent'>>[1]>;

function pressEvents(code: string, key: string, shift: boolean, text: string): KeyEvent[] {
  const vk = code.startsWith('Key')
    ? code.charCodeAt(3)
    : code.startsWith('Digit')
      ? code.charCodeAt(5)
      : code === 'Enter'
        ? 13
        : code === 'Space'
          ? 32
          : 0;
  const base = { code, key, modifiers: shift ? SHIFT : 0, windowsVirtualKeyCode: vk };
  const shiftKey = { code: 'ShiftLeft', key: 'Shift', windowsVirtualKeyCode: 16 };
  return [
    ...(shift ? [{ type: 'rawKeyDown' as const, ...shiftKey, modifiers: SHIFT }] : []),
    { type: 'keyDown', ...base, text, unmodifiedText: text },
    { type: 'keyUp', ...base },
    ...(shift ? [{ type: 'keyUp' as const, ...shiftKey, modifiers: 0 }] : []),
  ];
}

/**
 * Type `text` then Enter as a US-configured scanner would on a machine using `layout`, one key every
 * `gapMs` (a scanner: 3 ms; a person: 90 ms and more). Each event carries the time the scanner (or the
 * person) made it, as an OS keyboard event does: CDP itself delivers events in irregular batches, and
 * the page must judge the typist's rhythm, not the test driver's.
 */
async function typeOn(
  layout: Layout,
  text: string,
  opts: { gapMs?: number; capsLock?: boolean } = {},
): Promise<void> {
  const gapMs = opts.gapMs ?? 3;
  const keys = [...text].map((char) => {
    const { code, shift } = usKeyFor(char);
    const key = keyValue(layout, code, shift, opts.capsLock);
    return pressEvents(code, key, shift, key);
  });
  keys.push(pressEvents('Enter', 'Enter', false, '\r'));
  const start = Date.now() / 1000;
  const sends: Array<Promise<unknown>> = [];
  keys.forEach((events, i) => {
    for (const e of events)
      sends.push(cdp.send('Input.dispatchKeyEvent', { ...e, timestamp: start + (i * gapMs) / 1000 }));
  });
  await Promise.all(sends);
}

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
