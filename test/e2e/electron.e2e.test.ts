// The real Electron app, driven by Playwright's Electron driver, where an Electron binary exists: the full
// first-debit story in the real window — the UI from app://till/, the sandboxed preload's window.till over the
// core's MessagePort, the core in its utility process with Electron's own build of better-sqlite3 — against the
// reference Region server over loopback, whose ledger and the till's journal must each hold the debit once.
// This project's build machines cannot download Electron (ELECTRON_SKIP_BINARY_DOWNLOAD=1): there the test says
// plainly that it was skipped and why (docs/packaging.md says how to run it on a machine with a binary).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { makeTempDir } from '../support/tmp';
import { electronBinary } from '../../scripts/electron-binary';
import { fillEnrolment, fillSale, openSession, pastePass } from '../support/counter-steps';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { electronSqliteForInstalledElectron, realDeps } from '../../build/hooks/pack-hooks';
import { openJournal } from '../../main/journal/journal';

const binary = electronBinary();
if (!binary) {
  console.warn(
    "SKIPPED electron.e2e: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the shell is typechecked, its decisions table-tested, and the preload, scheme handler, core process and packaged layout reproduced from Electron's source in test/electron, test/core-process and test/packaging.",
  );
}

const ROOT = resolve('.');
let region: RegionHandle;
let app: ElectronApplication;
const tmp = makeTempDir('electron');

beforeAll(async () => {
  if (!binary) return;
  // The core process loads Electron's own build of better-sqlite3 (main/sqlite/sqlite-binding.ts), beside Node's.
  const native = await electronSqliteForInstalledElectron(ROOT, realDeps);
  if (!native.ok) throw new Error(`[${native.code}] ${native.detail}`);
  region = await startRegionServer();
  app = await electron.launch({
    executablePath: binary,
    args: [join(ROOT, 'dist/main/shell.cjs')],
    env: { ...process.env, ATOUTS_TILL_DATA_DIR: join(tmp.dir, 'data') },
  });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await region?.stop();
  tmp.remove();
});

describe('the installed till, in its real Electron window', () => {
  it.skipIf(!binary)(
    'enrols, opens a session and debits a cinema seat; the Region and the journal each hold it once',
    async () => {
      const page = await app.firstWindow();
      // The UI comes from the privileged scheme, never file://, and the page has no Node.
      expect(page.url()).toMatch(/^app:\/\/till\//);
      expect(await page.title()).toBe('Atouts Caisse');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(
        await page.evaluate(() => typeof (window as unknown as { till?: { invoke?: unknown } }).till?.invoke),
      ).toBe('function');
      expect(await page.evaluate(() => window.open('https://example.org') === null)).toBe(true);

      const partner = await region.admin.createPartner({
        name: 'Cinéma Le Rex',
        siret: '12345678900011',
        accreditations: ['CINEMA'],
      });
      const youth = await region.admin.createBeneficiary({
        givenName: 'Léa',
        familyName: 'Martin',
        birthDate: '2007-03-14',
      });
      await fillEnrolment(
        page,
        { regionUrl: region.url, partnerId: partner.id, activationCode: partner.activationCode },
        { name: 'Claire Dubois', pin: '246810' },
      );
      await page.getByRole('button', { name: 'Enregistrer la caisse' }).click();
      await page.getByRole('heading', { name: 'Qui est en caisse ?' }).waitFor({ timeout: 30_000 });
      await openSession(page, '246810');

      await pastePass(page, await region.admin.mintPass({ beneficiaryId: youth.id }));
      await page.locator('.holder').getByText('Léa Martin').waitFor({ timeout: 15_000 });
      await fillSale(page, { price: '9,50', part: '7,00' });
      await page.getByLabel('Part Atouts (€)').press('Enter');
      const outcome = page.locator('[data-status="accepted"]');
      await outcome.waitFor({ timeout: 15_000 });
      const debitId = await outcome.getAttribute('data-debit-id');

      const ledger = (await region.admin.ledger()).filter((d) => d.id === debitId);
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({
        category: 'CINEMA',
        amountCents: 700,
        priceCents: 950,
        status: 'accepted',
        partnerId: partner.id,
      });

      await app.close();
      const journal = openJournal(join(tmp.dir, 'data', 'journal.sqlite'), { readOnly: true });
      try {
        const kinds = journal
          .list({})
          .filter((e) => e.payload['debitId'] === debitId)
          .map((e) => e.kind);
        expect(kinds).toEqual(['DEBIT_REQUESTED', 'DEBIT_ACCEPTED']);
        expect(journal.verify().ok).toBe(true);
      } finally {
        journal.close();
      }
    },
  );
});
