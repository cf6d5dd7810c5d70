// Issue 15 item 6, the wipe proof: a real till (enrolled with the real reference Region over loopback)
// debits one youth, leaves a second debit awaiting the Region (its pass token stays in the outbox), scans a
// third youth without debiting, voids with a note naming the youth; then the data folder gets what people
// leave lying around: a raw copy of outbox.sqlite deep under backups/, a journal backup (SQLite backup
// API), exports and receipts folders at any depth, a stray -wal, and the names, a birth date and a token
// re-encoded in UTF-16, base64, base64url and Base45. Before `till wipe`, the search finds every one of
// them (so it can fail); after, no file under the data folder, at any depth, holds any of them, the
// journal still verifies with every entry, and the files that hold nothing personal are still there.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { base45Encode } from '../../protocol/base45';
import { createTill, type Till } from '../../main/core/till';
import { COMMANDS } from '../../main/cli/registry';
import { runCli } from '../../main/cli/dispatch';
import { openJournal } from '../../main/journal/journal';
import { encodedForms, FormSearch } from '../../main/journal/personal-data-scan';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { openSqlite } from '../../main/sqlite/sqlite-binding';
import { regionForTests } from '../support/region-for-tests';
import { enrolAndLogIn, must as mustOn } from '../support/till-calls';
import { makeTempDir } from '../support/tmp';

const tmp = makeTempDir('wipe-proof');
const dataDir = join(tmp.dir, 'data');
const region = regionForTests();
let till: Till;
afterAll(() => tmp.remove());

const allFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isFile());

const must = <T>(name: string, input: unknown): Promise<T> => mustOn<T>(till, name, input);

it('after wipe, no file under the data folder holds a name, a birth date or a token, in any encoding', async () => {
  till = createTill({
    dataDir,
    cipher: fileKeyCipher(join(tmp.dir, 'key')),
    outbox: { backoff: { baseMs: 60_000, maxMs: 60_000 }, idleMs: 60_000 },
  });
  await enrolAndLogIn(till, region, { partnerName: 'Cinéma du Port', pin: '246810' });

  const tag = randomUUID().slice(0, 6);
  const youths = [
    { givenName: 'Maëlle-Séraphine', familyName: `Kowalczyk-Durand${tag}`, birthDate: '2007-03-19' },
    { givenName: 'Anne-Bérénice', familyName: `Vasconcelos-Nguyen${tag}`, birthDate: '2008-11-23' },
    { givenName: 'Jean-Théophile', familyName: `Lefebvre-Okonkwo${tag}`, birthDate: '2006-07-05' },
  ];
  const tokens: string[] = [];
  const scanned: string[] = [];
  for (const y of youths) {
    const b = await region.admin.createBeneficiary(y);
    const token = await region.admin.mintPass({ beneficiaryId: b.id });
    tokens.push(token);
    const scan = await must<{ card: { scanId: string } }>('pass.scan', { text: token, source: 'paste' });
    scanned.push(scan.card.scanId);
  }
  const paid = await must<{ debitId: string; status: string }>('debit.submit', {
    scanId: scanned[0],
    category: 'CINEMA',
    item: 'SEANCE',
    priceCents: 900,
    amountCents: 500,
  });
  expect(paid.status).toBe('accepted');
  await must('debit.void', {
    debitId: paid.debitId,
    reasonCode: 'EVENT_CANCELLED',
    reason: `séance annulée, ${youths[0]!.familyName} reviendra`,
  });
  // The Region fails: the second debit waits in the outbox with its token (name and birth date inside).
  await region.admin.setFaults({ errorRate: 1 });
  const waiting = await must<{ status: string }>('debit.submit', {
    scanId: scanned[1],
    category: 'CINEMA',
    item: 'SEANCE',
    priceCents: 900,
    amountCents: 400,
  });
  expect(waiting.status).not.toBe('accepted');
  await region.admin.setFaults({});
  // The third youth was scanned only. Closing checkpoints both databases into their files.
  const entries = till.journal.head().seq + 1; // + SHUTDOWN
  till.close();

  // What people leave lying around.
  const deep = join(dataDir, 'backups', '2026', 'mars');
  mkdirSync(deep, { recursive: true });
  copyFileSync(join(dataDir, 'outbox.sqlite'), join(deep, 'outbox-copie.bin'));
  const live = openSqlite(join(dataDir, 'journal.sqlite'), { readonly: true });
  await live.backup(join(deep, 'journal-sauvegarde.db'));
  live.close();
  mkdirSync(join(dataDir, 'exports'));
  writeFileSync(
    join(dataDir, 'exports', 'mars.csv'),
    `Nom;Né le\n${youths[0]!.familyName};${youths[0]!.birthDate}\n`,
  );
  mkdirSync(join(dataDir, 'backups', 'receipts'), { recursive: true });
  writeFileSync(join(dataDir, 'backups', 'receipts', 'recu.txt'), `Reçu — ${youths[0]!.givenName}`);
  const misc = join(dataDir, 'divers', 'a', 'b');
  mkdirSync(misc, { recursive: true });
  writeFileSync(join(misc, 'nom.txt'), Buffer.from(`x ${youths[1]!.familyName} y`, 'utf16le'));
  writeFileSync(join(misc, 'nom-be.txt'), Buffer.from(`${youths[2]!.givenName}`, 'utf16le').swap16());
  writeFileSync(join(misc, 'jeton.b64'), Buffer.from(`"${tokens[2]}"`).toString('base64'));
  writeFileSync(
    join(misc, 'date.b64url'),
    Buffer.from(`naissance=${youths[2]!.birthDate};`).toString('base64url'),
  );
  writeFileSync(join(misc, 'nom.b45'), base45Encode(Buffer.from(`>${youths[2]!.familyName}<`)));
  writeFileSync(
    join(dataDir, 'backups', 'ancien.sqlite-wal'),
    Buffer.concat([Buffer.alloc(32), Buffer.from(youths[1]!.givenName), Buffer.alloc(32)]),
  );
  // Nothing personal: these stay.
  writeFileSync(
    join(dataDir, 'divers', 'lisez-moi.txt'),
    'Sauvegardes de la caisse : voir la documentation.',
  );

  const needles = youths.flatMap((y) => [y.givenName, y.familyName, y.birthDate]).concat(tokens);
  const search = new FormSearch(needles.flatMap(encodedForms));
  const holding = () =>
    allFiles(dataDir)
      .filter((p) => search.fileHoldsAny(p))
      .map((p) => p.slice(dataDir.length + 1))
      .sort();
  // The search sees every planted file and the live stores: it can fail.
  expect(holding()).toEqual(
    [
      'backups/2026/mars/journal-sauvegarde.db',
      'backups/2026/mars/outbox-copie.bin',
      'backups/ancien.sqlite-wal',
      'backups/receipts/recu.txt',
      'divers/a/b/date.b64url',
      'divers/a/b/jeton.b64',
      'divers/a/b/nom-be.txt',
      'divers/a/b/nom.b45',
      'divers/a/b/nom.txt',
      'exports/mars.csv',
      'journal.sqlite',
      'outbox.sqlite',
    ].sort(),
  );

  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), now: () => new Date() };
  expect(await runCli(COMMANDS, ['wipe', '--data-dir', dataDir, '--yes'], io)).toBe(0);
  expect(holding()).toEqual([]);

  // The evidence stays: every entry, the chain intact, the closures and debits rebuilt from it; the backup
  // of the journal is still a journal (its entries kept, its names gone).
  const journal = openJournal(join(dataDir, 'journal.sqlite'), { readOnly: true });
  try {
    expect(journal.verify()).toMatchObject({ ok: true, count: entries });
    expect(journal.debits.get(paid.debitId)?.status).toBe('void_pending');
  } finally {
    journal.close();
  }
  const copy = openSqlite(join(deep, 'journal-sauvegarde.db'), { readonly: true });
  expect(copy.prepare('SELECT COUNT(*) FROM entries').pluck().get()).toBeGreaterThan(0);
  expect(copy.prepare('SELECT COUNT(*) FROM persons').pluck().get()).toBe(0);
  copy.close();
  expect(existsSync(join(dataDir, 'divers', 'lisez-moi.txt'))).toBe(true);
  expect(existsSync(join(deep, 'outbox-copie.bin'))).toBe(false);
});
