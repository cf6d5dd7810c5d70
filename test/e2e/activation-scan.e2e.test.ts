// Enrolment by scanning (issue 16 item 6): the Region's activation QR code (docs/activation-qr.md), as the
// reference server's CLI prints it, read by a keyboard-wedge scanner on an AZERTY counter at the enrolment
// screen, fills the Region's address, the partner and the code; the manager adds a name and a PIN and the
// till enrols. A damaged code is said so; pasting the code's text into a field works too.
// Real till (browser mode, child process), real Region server, headless Chromium.
import { describe, expect, it } from 'vitest';
import { encodeActivation } from '../../protocol/activation-qr';
import { regionForTests } from '../support/region-for-tests';
import { startTillHost } from '../support/till-host';
import { tillHostForTests } from '../support/till-for-tests';
import { browserForTests, pageForTests, printPageOnFailure } from '../support/ui-page';
import { typeBurst } from '../scan/key-burst';

const region = regionForTests();
const till = tillHostForTests();
const browser = browserForTests();
const page = pageForTests(browser);
printPageOnFailure(() => page);

/** The text of the partner's activation QR code, as the Region's CLI prints it. */
const activationQrOf = (partner: { id: string; activationCode: string }) =>
  encodeActivation({ regionUrl: region.url, partnerId: partner.id, activationCode: partner.activationCode });

describe('enrolment by scanning the activation QR code', () => {
  it('says when the code is damaged, and fills the fields from a wedge scan on an AZERTY counter', async () => {
    const partner = await region.admin.createPartner({
      name: 'Cinéma Le Rex',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    await page.goto(till.url);
    await page.getByRole('heading', { name: 'Enregistrer cette caisse' }).waitFor();
    const cdp = await page.context().newCDPSession(page);

    await typeBurst(cdp, 'azerty', 'ATA1:eyJ2IjoxLCJyZWdpb24iOiJodHRwOi8vMTI3LjAuMC4xOjgwODAi');
    await page.locator('[data-activation="invalid"]').waitFor();

    await typeBurst(cdp, 'azerty', activationQrOf(partner));
    await page.locator('[data-activation="read"]').waitFor();
    expect(await page.getByLabel('Adresse du serveur de la Région').inputValue()).toBe(region.url);
    expect(await page.getByLabel('Identifiant de la structure').inputValue()).toBe(partner.id);
    expect(await page.getByLabel("Code d'activation").inputValue()).toBe(partner.activationCode);
    // The scanner's keys reached no field: the name field, focused after the read, holds only its default.
    expect(await page.getByLabel('Nom de cette caisse').inputValue()).toBe('Caisse 1');

    await page.getByLabel('Votre nom (responsable)').fill('Claire Dubois');
    await page.getByLabel(/Votre code PIN/).fill('246810');
    await page.getByRole('button', { name: 'Enregistrer la caisse' }).click();
    await page.getByRole('heading', { name: 'Qui est en caisse ?' }).waitFor();
  });

  it('reads the code pasted into a field as well', async () => {
    const partner = await region.admin.createPartner({
      name: 'Théâtre',
      siret: '12345678900012',
      accreditations: ['SPECTACLE'],
    });
    const other = await browser.newPage({ locale: 'fr-FR' });
    const fresh = await startTillHost();
    try {
      await other.goto(fresh.url);
      await other.getByRole('heading', { name: 'Enregistrer cette caisse' }).waitFor();
      await other.getByLabel('Identifiant de la structure').fill(activationQrOf(partner));
      await other.locator('[data-activation="read"]').waitFor();
      expect(await other.getByLabel('Identifiant de la structure').inputValue()).toBe(partner.id);
      expect(await other.getByLabel("Code d'activation").inputValue()).toBe(partner.activationCode);
    } finally {
      await other.close();
      await fresh.stop();
    }
  });
});
