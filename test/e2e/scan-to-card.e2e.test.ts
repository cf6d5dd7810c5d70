// Scanners to the holder's card, in headless Chromium against the real till and Region server:
// - a USB scanner in HID POS mode, faked at node-hid's device boundary: its reports (a freshly minted pass,
//   encoded the way the recorded capture's scanner sends it) go through the real HID service, the core's
//   scan event, browser mode's event stream and the UI;
// - a keyboard-wedge scanner (US-configured) on an AZERTY machine: trusted key events whose `key` values
//   are AZERTY's (`&` for Digit1…), caught by the UI's wedge capture from physical key codes.
import { describe, expect, it } from 'vitest';
import { encodePosReports, HID_POS_STANDARD_LAYOUT } from '../../native/hid';
import { CaptureReplay, loadCapture } from '../scan/hid-replay';
import { regionForTests } from '../support/region-for-tests';
import { servedTillForTests } from '../support/till-for-tests';
import { must } from '../support/till-calls';
import { browserForTests } from '../support/ui-page';
import { typeBurst } from '../scan/key-burst';

const capture = loadCapture('pos-standard-pass.json');
const scanner = new CaptureReplay({ ...capture, events: [] });
const region = regionForTests();
const served = servedTillForTests(region, { name: 'Cinéma HID', hidBackend: scanner });
const browser = browserForTests();

describe('scanners to the holder card', () => {
  it('shows the holder when a HID POS scanner reads a pass', async () => {
    const { till, host } = served;
    const youth = await region.admin.createBeneficiary({
      givenName: 'Inès',
      familyName: 'Benali',
      birthDate: '2008-09-09',
    });
    await must(till, 'settings.set', { hidDevicePath: capture.device.path });
    await expect.poll(() => scanner.opens.length, { timeout: 15_000 }).toBeGreaterThan(0);

    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();

    const token = await region.admin.mintPass({ beneficiaryId: youth.id });
    for (const report of encodePosReports(token, HID_POS_STANDARD_LAYOUT)) scanner.deliver(report);

    await expect.poll(() => page.locator('.holder').textContent(), { timeout: 15_000 }).toBe('Inès Benali');
    const stats = await must<{ lastBySource: Record<string, unknown> }>(till, 'scanner.stats', {});
    expect(stats.lastBySource['hid-pos']).toBeDefined();
  });

  it('shows the holder when a keyboard-wedge scanner types a pass on an AZERTY machine', async () => {
    const { till, host } = served;
    const youth = await region.admin.createBeneficiary({
      givenName: 'Maël',
      familyName: 'Le Gall-Hébert',
      birthDate: '2006-08-08',
    });
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Scannez le QR code du jeune' }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await typeBurst(cdp, 'azerty', await region.admin.mintPass({ beneficiaryId: youth.id }));
    await expect
      .poll(() => page.locator('.holder').textContent(), { timeout: 15_000 })
      .toBe('Maël Le Gall-Hébert');
    const stats = await must<{
      lastBySource: Record<string, { chars: number }>;
    }>(till, 'scanner.stats', {});
    expect(stats.lastBySource.wedge?.chars).toBeGreaterThan(200);
  });
});
