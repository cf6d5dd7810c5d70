// The webcam path end to end in headless Chromium: the fake camera plays a generated .y4m video of a
// phone showing a pass; the page's camera → canvas → decode worker pipeline must yield the exact token.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeQrFixtures, type QrFixtureSet } from '../../scripts/fixtures/make-qr-fixtures';
import { launchChromium, serveHarness, type Harness } from './browser';

let fixtures: QrFixtureSet;
let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  fixtures = makeQrFixtures();
  harness = await serveHarness(fixtures.dir);
  browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${join(fixtures.dir, fixtures.video.file)}`,
  ]);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('webcam scanner', () => {
  it('writes a 4:2:0 video Chromium accepts', async () => {
    const { readFileSync } = await import('node:fs');
    const header = readFileSync(join(fixtures.dir, fixtures.video.file))
      .subarray(0, 64)
      .toString('latin1')
      .split('\n')[0];
    expect(header).toMatch(/^YUV4MPEG2 W640 H480 F15:1 .*C420$/);
  });

  // The default decoder only: @zxing/library misses this video's mild sensor noise (see the bench).
  for (const decoder of ['zxing-wasm'] as const) {
    it(`decodes the fake camera's pass to the exact token, once, with ${decoder}`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Offline like the till: any request leaving 127.0.0.1 (a CDN for the .wasm) fails the test.
      const remote: string[] = [];
      await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
        remote.push(route.request().url());
        return route.abort();
      });
      await page.goto(harness.url);
      await page.waitForSelector('body[data-ready=yes]');
      expect(await page.evaluate((d) => window.harness.webcam(d), decoder)).toBe('started');
      await page.waitForFunction(() => window.harness.scans.length > 0, undefined, { timeout: 30_000 });
      // The code stays in front of the camera: it must still count as one scan.
      await page.waitForTimeout(1500);
      const scans = await page.evaluate(() => window.harness.scans);
      expect(scans.map((s) => [s.source, s.text])).toEqual([['webcam', fixtures.video.expected]]);
      expect(
        await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).videoWidth),
      ).toBe(640);
      await page.evaluate(() => window.harness.stopWebcam());
      expect(
        await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).srcObject),
      ).toBeNull();
      expect(remote).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('runs either decoder in the worker, on the same frames as on the page', async () => {
    const page = await browser.newPage();
    await page.goto(harness.url);
    await page.waitForSelector('body[data-ready=yes]');
    const clean = fixtures.images
      .filter((i) => i.variant === 'clean')
      .map((i) => harness.fixturesUrl + i.file);
    for (const decoder of ['zxing-wasm', 'zxing-js'] as const) {
      const r = await page.evaluate(([urls, d]) => window.harness.compare(urls, d, 1), [
        clean,
        decoder,
      ] as const);
      expect(r).toMatchObject({
        frames: clean.length,
        bareDecoded: clean.length,
        workerDecoded: clean.length,
      });
    }
    await page.close();
  });
});
