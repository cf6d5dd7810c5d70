// The webcam path to the holder's card: a pass freshly minted by the Region, filmed (a generated .y4m played
// by Chromium's fake camera), decoded by the UI's webcam scanner in its worker, resolved by the till, and
// shown as the holder's card — in headless Chromium against the real till and Region server.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { renderScene, y4mOf } from '../../scripts/fixtures/make-qr-fixtures';
import { chromiumLaunchOptions } from '../support/chromium';
import { regionForTests } from '../support/region-for-tests';
import { servedTillForTests } from '../support/till-for-tests';
import { must } from '../support/till-calls';
import { makeTempDir } from '../support/tmp';

const region = regionForTests();
const served = servedTillForTests(region, { name: 'Cinéma Webcam' });
// Launched by the test, with the film it makes as the camera.
let browser: Browser | undefined;
const tmp = makeTempDir('webcam-card');
afterAll(async () => {
  await browser?.close();
  tmp.remove();
});

describe('webcam to the holder card', () => {
  it("shows the holder when the webcam films the youth's pass", async () => {
    const { till, host } = served;
    const youth = await region.admin.createBeneficiary({
      givenName: 'Zoé',
      familyName: "N'Diaye",
      birthDate: '2008-12-24',
    });

    // A phone held up to the camera: the code moves a little from frame to frame.
    const token = await region.admin.mintPass({ beneficiaryId: youth.id, ttlSeconds: 600 });
    const frames = Array.from({ length: 30 }, (_, i) =>
      renderScene(token, { variant: 'video', size: 300, degrees: 3 }, 500 + i, {
        dx: 5 * Math.sin(i / 4),
        dy: 3 * Math.cos(i / 6),
      }),
    );
    const video = join(tmp.dir, 'pass.y4m');
    writeFileSync(video, y4mOf(frames, 15));

    browser = await chromium.launch(
      chromiumLaunchOptions([
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ]),
    );
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();
    await page.getByRole('button', { name: 'Scanner avec la webcam (Alt+W)' }).click();

    await expect.poll(() => page.locator('.holder').textContent(), { timeout: 30_000 }).toBe("Zoé N'Diaye");
    const stats = await must<{ lastBySource: Record<string, unknown> }>(till, 'scanner.stats', {});
    expect(stats.lastBySource.webcam).toBeDefined();
  });
});
