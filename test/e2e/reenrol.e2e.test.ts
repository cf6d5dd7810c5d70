// A till whose device token no longer opens (here: its key file is gone, as after a power cut or a
// restore onto another computer) shows "Cette caisse doit être réactivée" on the enrolment screen, and
// a manager reactivates it with a new activation code and their PIN: the same device, the same journal.
// Real till (browser mode, child process), real Region server, headless Chromium.
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTill } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import type { TillStatus } from '../../preload/contract';
import { madeBeforeAll } from '../support/made-before-all';
import { regionForTests } from '../support/region-for-tests';
import { startTillHost, type TillHandle } from '../support/till-host';
import { makeTempDir } from '../support/tmp';
import { browserForTests } from '../support/ui-page';

const region = regionForTests();
const browser = browserForTests();
const page = madeBeforeAll('the page', () =>
  browser.newPage({ viewport: { width: 1100, height: 820 }, locale: 'fr-FR' }),
);
let till: TillHandle | undefined;
const tmp = makeTempDir('reenrol-e2e');
const dataDir = join(tmp.dir, 'data');
afterAll(async () => {
  await till?.stop();
  tmp.remove();
});

describe('a till that lost its enrolment', () => {
  it('says it must be reactivated, and a manager reactivates it as the same device', async () => {
    const partner = await region.admin.createPartner({
      name: 'Cinéma Le Rex',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    const first = createTill({ dataDir, cipher: fileKeyCipher(join(tmp.dir, 'lost.key')) });
    const enrolled = await first.dispatch('till.enroll', {
      regionUrl: region.url,
      partnerId: partner.id,
      activationCode: partner.activationCode,
      deviceName: 'Caisse 1',
      managerName: 'Claire Dubois',
      managerPin: '246813',
    });
    if (!enrolled.ok) throw new Error(enrolled.error.code);
    const deviceId = (enrolled.value as TillStatus).deviceId;
    const entries = first.journal.list({}).length;
    first.close();

    // The same data folder, but the key that sealed the token is not there.
    till = await startTillHost({ dataDir });
    expect(dirname(till.dataDir)).toBe(tmp.dir);
    await page.goto(till.url);
    await page.getByRole('heading', { name: 'Réactiver cette caisse' }).waitFor();
    expect(await page.locator('[data-code="DEVICE_SECRET_UNREADABLE"]').textContent()).toContain(
      'Cette caisse doit être réactivée',
    );
    expect(await page.getByText('Caisse 1').count()).toBeGreaterThan(0);

    const { activationCode } = await region.admin.newActivationCode(partner.id);
    await page.getByLabel("Code d'activation").fill(activationCode);
    expect(await page.getByLabel('Responsable').locator('option').allTextContents()).toEqual([
      expect.stringContaining('Claire Dubois'),
    ]);
    await page.getByLabel('Code PIN').fill('000000');
    await page.getByRole('button', { name: 'Réactiver la caisse' }).click();
    await page.locator('[role="alert"][data-code="PIN_INVALID"]').waitFor();

    await page.getByLabel('Code PIN').fill('246813');
    await page.getByRole('button', { name: 'Réactiver la caisse' }).click();
    await page.getByRole('heading', { name: 'Qui est en caisse ?' }).waitFor();
    await till.stop();
    till = undefined;

    const reopened = createTill({ dataDir, cipher: fileKeyCipher(join(tmp.dir, 'lost.key')) });
    try {
      // The browser-mode till sealed the new token with its own key: this key file opens nothing now.
      expect(reopened.status()).toMatchObject({ deviceId, deviceSecret: 'unreadable' });
      expect(reopened.journal.list({}).length).toBeGreaterThan(entries);
      expect(reopened.journal.verify().ok).toBe(true);
    } finally {
      reopened.close();
    }
  });
});
