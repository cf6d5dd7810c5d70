// Gestion (issue 16), through the UI alone, in headless Chromium against the real till core (browser mode,
// in this process so the files can be checked) and the reference Region server: a manager logs in, closes a
// day, then exports the debits CSV, saves the Z-closure's PDF (read back with a real PDF parser), creates and
// verifies a signed archive, backs the journal up into a chosen folder, verifies the journal and exports a
// diagnostic — every file written is opened and checked. Then a cashier sees no Gestion, and every task
// called with the cashier's session is refused ROLE_REQUIRED.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { lastEndedDay } from '../../main/journal/closures';
import { openJournal } from '../../main/journal/journal';
import { verifyArchive } from '../../main/archive/verify-archive';
import { parisDay } from '../../protocol/paris-time';
import { calls, type DebitOutcome, type ProgressEvent, type StaffView } from '../../preload/contract';
import { pdfText } from '../support/pdf-text';
import { youthWithPass } from '../support/region-server';
import { useServedPage } from '../support/served-page';
import { makeTempDir } from '../support/tmp';
import { must } from '../support/till-calls';
import { tamperConnection } from '../support/journal-fixtures';
import { expectAccessible } from '../support/ui-page';

const { region, served, page } = useServedPage({ name: 'Cinéma Ariel', before: prepare });
let manager: StaffView;
let cashier: StaffView;
let debit: DebitOutcome;
let token: string;
const tmp = makeTempDir('manage-e2e');
const backupDir = join(tmp.dir, 'clé USB', 'sauvegardes');
const downloads = join(tmp.dir, 'downloads');

const MANAGER_PIN = '1357';
const CASHIER_PIN = '8642';
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const status = (task: string) => page.locator(`[role="status"][data-task="${task}"]`);

/** Clicks, waits for the download, saves it under downloads/ and returns its path and bytes. */
async function download(click: () => Promise<void>): Promise<{ path: string; bytes: Buffer; name: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }) as Promise<Download>,
    click(),
  ]);
  const path = join(downloads, file.suggestedFilename());
  await file.saveAs(path);
  return { path, bytes: readFileSync(path), name: file.suggestedFilename() };
}

/** A cashier besides the manager, one accepted debit, and nobody logged in: the UI starts at the login. */
async function prepare(): Promise<void> {
  const { till } = served;
  [manager] = await must<[StaffView]>(till, 'staff.list', {});
  cashier = await must<StaffView>(till, 'staff.add', {
    name: 'Karim Haddad',
    role: 'cashier',
    pin: CASHIER_PIN,
  });
  ({ token } = await youthWithPass(region, {
    givenName: 'Léa',
    familyName: 'Martin',
    birthDate: '2007-03-14',
  }));
  debit = await served.sell(token, { priceCents: 950, amountCents: 700 });
  expect(debit.status).toBe('accepted');
  await must(till, 'staff.logout', {});
}

afterAll(() => tmp.remove());

async function logIn(who: StaffView, pin: string): Promise<void> {
  await page.getByRole('heading', { name: 'Qui est en caisse ?' }).waitFor();
  await page.getByLabel('Personne').selectOption(who.id);
  await page.getByLabel('Code PIN').fill(pin);
  await page.getByRole('button', { name: 'Ouvrir la session' }).click();
  await page.getByRole('navigation', { name: 'Menu principal' }).waitFor();
}

describe('Gestion, a manager through the UI alone', () => {
  const yesterday = lastEndedDay(Date.now());
  const today = parisDay(Date.now());

  it('logs in and closes the last ended day (the closure the PDF prints)', async () => {
    await page.goto(served.host.url);
    await logIn(manager, MANAGER_PIN);
    await page.keyboard.press('F5');
    await page.getByRole('button', { name: 'Clôturer la journée (Alt+Z)' }).click();
    await page.locator(`[data-closure="${yesterday}"]`).waitFor();
    await page.keyboard.press('F7');
    await page.getByRole('heading', { name: 'Gestion', exact: true }).waitFor();
    await expectAccessible(page, 'Gestion');
  });

  it("exports the day's debits as CSV: one file, BOM, ';', French amounts, no name", async () => {
    await page.getByLabel('Période').selectOption('day');
    await page.getByLabel('Jour', { exact: true }).fill(today);
    const csv = await download(() => page.getByRole('button', { name: 'Exporter les débits (CSV)' }).click());
    expect(csv.name).toBe(`atouts-debits-${today}.csv`);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFDate;Heure;Débit;Catégorie')).toBe(true);
    const lines = text.split('\r\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(debit.debitId);
    // Read by its header, as a spreadsheet would.
    const header = lines[0]!.replace('\uFEFF', '').split(';');
    const row = Object.fromEntries(lines[1]!.split(';').map((v, i) => [header[i], v]));
    expect(row).toMatchObject({
      Catégorie: 'CINEMA',
      Article: 'SEANCE',
      'Prix (€)': '9,50',
      'Montant débité (€)': '7,00',
      'Reste payé (€)': '2,50',
      Statut: 'accepté',
      Mode: 'en ligne',
    });
    expect(text).not.toMatch(/Léa|Martin|2007-03-14/);
    await poll(() => status('export.csv').textContent()).toContain('1 débit(s) exporté(s)');
  });

  it("saves the Z-closure's PDF, whose text a PDF parser reads back", async () => {
    const pdf = await download(() => page.getByRole('button', { name: 'Enregistrer le PDF' }).click());
    expect(pdf.name).toBe(`atouts-cloture-${yesterday}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(`Clôture journalière (Z) du ${yesterday}`);
    expect(text).toContain('Partenaire : Cinéma Ariel');
    expect(text).toContain('Grand total perpétuel');
    const closure = served.till.journal.closure('day', yesterday)!;
    expect(text.replace(/\s+/g, '')).toContain(closure.hash);
  });

  it('creates the signed archive of the month and verifies it, then refuses an edited one', async () => {
    const month = today.slice(0, 7);
    await page.getByLabel('Mois (AAAA-MM) ou jour (AAAA-MM-JJ)').fill(month);
    const archive = await download(() =>
      page.getByRole('button', { name: "Créer l'archive signée" }).click(),
    );
    const verdict = verifyArchive(archive.bytes.toString('utf8'), served.till.journal);
    expect(verdict).toMatchObject({ ok: true, period: month, checkedAgainstJournal: true });

    await page.getByLabel('Archive à vérifier').setInputFiles(archive.path);
    await page.getByRole('button', { name: "Vérifier l'archive" }).click();
    await poll(() => status('archive.verify').textContent()).toContain(`Archive intacte : ${month}`);
    expect(await status('archive.verify').textContent()).toContain('conforme au journal de cette caisse');

    const edited = archive.bytes.toString('utf8').replace('"amountCents":700', '"amountCents":900');
    expect(edited).not.toBe(archive.bytes.toString('utf8'));
    await page
      .getByLabel('Archive à vérifier')
      .setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(edited) });
    await page.getByRole('button', { name: "Vérifier l'archive" }).click();
    await poll(() => status('archive.verify').textContent()).toContain(
      'Archive NON conforme (SIGNATURE_INVALID',
    );
  });

  it('backs up into the chosen folder: a whole, verified journal, progress reported, the result shown', async () => {
    const seen: ProgressEvent[] = [];
    const off = served.till.events.subscribe((event, payload) => {
      if (event === 'progress') seen.push(payload as ProgressEvent);
    });
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await page.locator('[role="alert"][data-code="BACKUP_NOT_CONFIGURED"]').waitFor();

    // A folder that is not there (the USB stick not plugged in) is refused, and none is made.
    await page.getByLabel('Dossier des sauvegardes').fill(backupDir);
    await page.getByRole('button', { name: 'Enregistrer ces réglages' }).click();
    await page.locator('[role="alert"][data-code="BACKUP_FOLDER_INVALID"]').waitFor();
    expect(existsSync(backupDir)).toBe(false);
    mkdirSync(backupDir, { recursive: true });
    await page.getByLabel('Dossier des sauvegardes').fill(backupDir);
    await page.getByLabel('Copies gardées').fill('2');
    await page.getByRole('button', { name: 'Enregistrer ces réglages' }).click();
    await poll(() => served.till.journal.settings.get<{ folder: string }>('backup.config')?.folder).toBe(
      backupDir,
    );
    for (let i = 0; i < 3; i++) {
      const before = readdirSyncSafe(backupDir).length;
      // The first one made slow (its call held 1.5 s on the way): a task over a second shows a progress bar.
      if (i === 0)
        await page.route(
          '**/api/call/manage.backupNow',
          async (route) => (await new Promise((r) => setTimeout(r, 1500)), route.continue()),
        );
      await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
      if (i === 0) {
        await page.locator('progress[data-task="backup"]').waitFor();
        expect(await page.getByRole('button', { name: 'Sauvegarder maintenant' }).isDisabled()).toBe(true);
        await page.locator('progress[data-task="backup"]').waitFor({ state: 'detached' });
        await page.unroute('**/api/call/manage.backupNow');
      }
      await poll(() => page.locator('[data-backup-last="ok"]').count()).toBe(1);
      await poll(() => readdirSyncSafe(backupDir).length).toBe(Math.min(before + 1, 2));
      // Copies are named to the second: two within one second would share a name.
      await new Promise((r) => setTimeout(r, 1100));
    }
    off();
    expect(seen.some((e) => e.task === 'backup' && e.total > 0 && e.done === e.total)).toBe(true);
    const files = readdirSyncSafe(backupDir);
    // Keep 2: the oldest of the three went.
    expect(files).toHaveLength(2);
    expect(await page.locator('[data-backup-last="ok"]').textContent()).toContain('réussie');
    const copy = openJournal(join(backupDir, files.sort().at(-1)!), { readOnly: true });
    try {
      expect(copy.verify().ok).toBe(true);
      expect(copy.debits.get(debit.debitId)?.status).toBe('accepted');
      expect(copy.deviceId()).toBe(served.till.journal.deviceId());
    } finally {
      copy.close();
    }
    const recorded = served.till.journal
      .list({ kinds: ['EXPORTED'] })
      .filter((e) => e.payload['what'] === 'backup');
    expect(recorded).toHaveLength(3);
  });

  it('verifies the journal', async () => {
    await page.getByRole('button', { name: 'Vérifier le journal' }).click();
    // The chain, then what the Région holds of it (its anchors of this till's head).
    await poll(() => status('journal.verify').textContent()).toMatch(
      /^Journal intact : \d+ écritures vérifiées\. Conforme à la Région jusqu’à l’écriture n° \d+\.$/,
    );
  });

  it('exports one diagnostic zip: versions, settings without secrets, verify, pending, Region errors, scanners', async () => {
    const zip = await download(() => page.getByRole('button', { name: 'Exporter un diagnostic' }).click());
    expect(zip.name).toMatch(/^atouts-diagnostic-.+\.zip$/);
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        'README.txt',
        'versions.json',
        'status.json',
        'settings.json',
        'journal-verify.json',
        'pending.json',
        'region-errors.json',
        'scanners.json',
      ]),
    );
    const read = (name: string) => JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>;
    expect(read('versions.json')).toMatchObject({
      app: '0.1.0',
      node: process.versions.node,
      journalSchema: expect.any(Number),
    });
    expect(read('journal-verify.json')).toMatchObject({ ok: true });
    expect(read('pending.json')).toEqual({ awaitingRegion: 0 });
    expect(read('settings.json')).toMatchObject({
      language: 'fr',
      backup: { folder: backupDir, keep: 2 },
      staff: { managers: 1, cashiers: 1 },
    });
    const all = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    for (const secret of [
      MANAGER_PIN,
      CASHIER_PIN,
      token,
      'Léa',
      'Martin',
      '2007-03-14',
      manager.name,
      'Karim',
      'pinHash',
      'privateKey',
      'deviceToken',
    ]) {
      expect(all.includes(secret), `the diagnostic holds ${secret.slice(0, 12)}`).toBe(false);
    }
  });

  it('wrote nothing else than those files', () => {
    const written = readdirSync(downloads).sort();
    expect(written).toHaveLength(4);
    expect(written).toEqual(
      expect.arrayContaining([`atouts-debits-${today}.csv`, `atouts-cloture-${yesterday}.pdf`]),
    );
    expect(
      written.filter((n) => /^atouts-archive-.+\.json$/.test(n) || /^atouts-diagnostic-.+\.zip$/.test(n)),
    ).toHaveLength(2);
  });
});

describe('Gestion, a journal edited behind the till’s back', () => {
  it('names the first broken entry, as `till journal verify` does', async () => {
    const seq = served.till.journal.list({ kinds: ['DEBIT_REQUESTED'] })[0]!.seq;
    const raw = tamperConnection(served.till.journal.path);
    raw.prepare("UPDATE entries SET payload = replace(payload, '700', '100') WHERE seq = ?").run(seq);
    raw.close();
    await page.getByRole('button', { name: 'Vérifier le journal' }).click();
    await poll(() => status('journal.verify').textContent()).toBe(
      `Journal ALTÉRÉ : première écriture en cause n° ${seq} (EDITED).`,
    );
  });
});

describe('Gestion, a cashier', () => {
  it('sees no Gestion, F7 opens nothing, and every task is refused ROLE_REQUIRED', async () => {
    await page.keyboard.press('F12');
    await logIn(cashier, CASHIER_PIN);
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    expect(await nav.getByRole('button', { name: 'Gestion (F7)' }).count()).toBe(0);
    await page.keyboard.press('F7');
    expect(await page.getByRole('heading', { name: 'Gestion', exact: true }).count()).toBe(0);

    const inputs: Record<string, unknown> = {
      'manage.exportCsv': { period: { kind: 'day', day: '2026-01-05' } },
      'manage.closurePdf': { period: '2026-01-05' },
      'manage.archiveCreate': { period: '2026-01' },
      'manage.archiveVerify': { text: '{}' },
      'manage.backupStatus': {},
      'manage.backupConfigure': { folder: '/tmp' },
      'manage.backupNow': {},
      'manage.diagnostic': {},
      'manage.privacy': {},
      'manage.privacyConfigure': { retentionMonths: 12 },
      'manage.purge': { before: '2026-01-05' },
      'manage.wipe': { confirm: 'EFFACER', managerId: manager.id, pin: MANAGER_PIN },
      'journal.verify': {},
      'printer.configure': { width: 58 },
      'update.configure': { feedUrl: 'https://maj.example.org/caisse' },
      'update.installNow': {},
    };
    const names = Object.entries(calls)
      .filter(([n, spec]) => n.startsWith('manage.') && spec.role === 'manager')
      .map(([n]) => n);
    expect(names.sort()).toEqual(
      Object.keys(inputs)
        .filter((n) => n.startsWith('manage.'))
        .sort(),
    );
    // The page's own transport, with the session the cashier holds: what any script in the page could send.
    const answers = await page.evaluate(async (all) => {
      const secret = sessionStorage.getItem('atouts.till.secret') ?? '';
      const out: Record<string, unknown> = {};
      for (const [name, input] of Object.entries(all)) {
        const res = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-till-secret': secret },
          body: JSON.stringify({ input }),
        });
        out[name] = await res.json();
      }
      return out;
    }, inputs);
    for (const name of Object.keys(inputs))
      expect(answers[name], name).toEqual({
        ok: false,
        error: { code: 'ROLE_REQUIRED', params: { role: 'manager' } },
      });
    // The restore needs no session (a new PC has no staff yet), so it refuses an enrolled till outright.
    const restore = await page.evaluate(
      async (path) => {
        const secret = sessionStorage.getItem('atouts.till.secret') ?? '';
        const res = await fetch('/api/call/manage.restore', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-till-secret': secret },
          body: JSON.stringify({ input: { path } }),
        });
        return (await res.json()) as unknown;
      },
      join(backupDir, 'anything.sqlite'),
    );
    expect(restore).toMatchObject({ ok: false, error: { code: 'RESTORE_TARGET_NOT_EMPTY' } });
  });
});

function readdirSyncSafe(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}
