// Exports for accountants and audits, on real journal files: the CSV a French spreadsheet opens as is,
// the closure PDF, and the signed archive with its verifier (which must catch every kind of tampering).
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { makeTempDir } from '../support/tmp';
import { buildArchive, parisPeriod, signedBytes } from '../../main/archive/build-archive';
import type { SignedArchive } from '../../main/archive/archive-format';
import { keyIdOf } from '../../main/archive/device-key';
import { verifyArchive } from '../../main/archive/verify-archive';
import { runCli } from '../../main/cli/dispatch';
import { COMMANDS } from '../../main/cli/registry';
import { closurePdf } from '../../main/export/closure-pdf';
import { csvField, debitsCsv, frenchAmount } from '../../main/export/debits-csv';
import { chainHash, entryJson, canonicalJson } from '../../main/journal/chain-hash';
import { debitRequested, deviceJournal, type TempJournal } from '../support/journal-fixtures';

let t: TempJournal | undefined;
afterEach(() => t?.cleanup());
// The till's key, which seals the archive key's private half (browser mode's key file).
const keys = makeTempDir('archive-key');
const keyFile = join(keys.dir, 'host.key');
const cipher = fileKeyCipher(keyFile);
afterAll(() => keys.remove());

function journalWithDebits(): TempJournal {
  const made = deviceJournal('2026-03-10T09:00:00.000Z');
  t = made.t;
  const { clock } = made;
  const j = t.journal;
  j.append({
    kind: 'DEBIT_REQUESTED',
    cashierId: '=cmd|calc',
    payload: debitRequested({
      debitId: 'd-1',
      amountCents: 700,
      priceCents: 950,
      occurredAt: '2026-03-10T09:00:00.000Z',
    }),
  });
  j.append({
    kind: 'DEBIT_ACCEPTED',
    cashierId: null,
    payload: { debitId: 'd-1', walletBalanceCents: 1300, acceptedAt: '2026-03-10T09:00:01.000Z' },
  });
  j.append({
    kind: 'DEBIT_REQUESTED',
    cashierId: 'Zoé; "la caissière"',
    payload: debitRequested({
      debitId: 'd-2',
      category: 'SPECTACLE',
      item: 'PLACE',
      amountCents: 3000,
      priceCents: 4250,
      occurredAt: '2026-03-10T23:30:00.000Z',
    }),
  });
  j.append({
    kind: 'DEBIT_ACCEPTED',
    cashierId: null,
    payload: { debitId: 'd-2', walletBalanceCents: 0, acceptedAt: '2026-03-10T23:30:01.000Z' },
  });
  clock.set('2026-03-11T23:30:00.000Z');
  j.closeDay('2026-03-10', 'mgr');
  j.append({ kind: 'LOGIN', cashierId: 'mgr', payload: {} });
  return t;
}

describe('CSV of debits', () => {
  it('is UTF-8 with a BOM, `;`-separated, French decimals, CRLF, Paris times, quoted and formula-safe', () => {
    const j = journalWithDebits().journal;
    const csv = debitsCsv(j.debits.list({ fromAt: '2026-03-01T00:00:00Z', toAt: '2026-04-01T00:00:00Z' }));
    expect(csv.startsWith('\uFEFFDate;Heure;Débit;Catégorie')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(lines[1]).toBe(
      "10/03/2026;10:00:00;d-1;CINEMA;SEANCE;;;9,50;7,00;2,50;accepté;en ligne;'=cmd|calc;10/03/2026 10:00:01",
    );
    // 23:30 UTC is already the next day in Paris (UTC+1 in March, before summer time).
    expect(lines[2]).toBe(
      '11/03/2026;00:30:00;d-2;SPECTACLE;PLACE;;;42,50;30,00;12,50;accepté;en ligne;"Zoé; ""la caissière""";11/03/2026 00:30:01',
    );
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes amounts and fields the French way', () => {
    expect([
      frenchAmount(0),
      frenchAmount(5),
      frenchAmount(700),
      frenchAmount(123456),
      frenchAmount(-5),
    ]).toEqual(['0,00', '0,05', '7,00', '1234,56', '-0,05']);
    expect([
      csvField('a;b'),
      csvField('+33 6'),
      csvField('-2'),
      csvField('@x'),
      csvField('a\r\nb'),
      csvField('plain'),
    ]).toEqual(['"a;b"', "'+33 6", "'-2", "'@x", '"a\r\nb"', 'plain']);
  });
});

/** The text pdfkit draws: its hex-encoded strings (standard fonts, WinAnsi: Latin-1 plus 0x80 = €) decoded and joined. */
function pdfText(pdf: Buffer): string {
  const strings = [...pdf.toString('latin1').matchAll(/<([0-9a-fA-F]+)>/g)].map((m) =>
    Buffer.from(m[1]!, 'hex').toString('latin1'),
  );
  return strings.join('').replace(/\x80/g, '€');
}

describe('closure PDF', () => {
  it('renders a Z closure with its totals and chain anchor, the same bytes each time', async () => {
    const j = journalWithDebits().journal;
    const z = j.closure('day', '2026-03-10')!;
    const pdf = await closurePdf(
      z,
      { partnerName: 'Cinéma Le Rex', deviceName: 'Caisse 1' },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toMatch(/%%EOF/);
    const text = pdfText(pdf);
    expect(text).toContain('Clôture journalière (Z) du 2026-03-10');
    expect(text).toContain('Cinéma1 débit(s)7,00 €');
    expect(text).toContain('Total de la période1 débit(s)7,00 €');
    expect(text).toContain('Grand total perpétuel');
    expect(text).toContain(String(z.payload['lastHash']));
    expect(
      await closurePdf(z, { partnerName: 'Cinéma Le Rex', deviceName: 'Caisse 1' }, { compress: false }),
    ).toEqual(pdf);
    await expect(closurePdf(j.get(1)!, { partnerName: null, deviceName: null })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
  });
});

describe('signed archive', () => {
  const resign = (a: SignedArchive, key = generateKeyPairSync('ed25519')): SignedArchive => {
    const publicKey = String(key.publicKey.export({ format: 'jwk' }).x);
    const { signature: _drop, ...unsigned } = {
      ...a,
      key: { alg: 'Ed25519' as const, keyId: keyIdOf(publicKey), publicKey },
    };
    return {
      ...unsigned,
      signature: sign(null, signedBytes(unsigned), key.privateKey).toString('base64url'),
    };
  };

  it('verifies intact, against its journal too, and records the export', () => {
    const j = journalWithDebits().journal;
    const { archive, text } = buildArchive(j, parisPeriod('2026-03'), undefined, cipher);
    expect(archive.closures).toMatchObject([{ kind: 'DAY_CLOSED', period: '2026-03-10' }]);
    expect(archive.chain.prevHash).toBe('0'.repeat(64));
    const verdict = verifyArchive(text, j);
    expect(verdict).toMatchObject({
      ok: true,
      deviceId: 'D-000042',
      period: '2026-03',
      checkedAgainstJournal: true,
      firstSeq: 1,
    });
    const exported = j.list({ kinds: ['EXPORTED'] });
    expect(exported.map((e) => e.payload['what'])).toEqual(['archive-key', 'archive']);
    // Same device key the second time.
    expect(buildArchive(j, parisPeriod('2026-03'), undefined, cipher).archive.key).toEqual(archive.key);
  });

  it('names each kind of tampering', () => {
    const j = journalWithDebits().journal;
    const { archive, text } = buildArchive(j, parisPeriod('2026-03'), undefined, cipher);
    const edited: SignedArchive = structuredClone(archive);
    edited.entries[0]!.payload['amountCents'] = 1;
    expect(verifyArchive(JSON.stringify(edited))).toMatchObject({ ok: false, problem: 'SIGNATURE_INVALID' });
    // Re-signed by someone else's key: the content's chain breaks where it was edited…
    expect(verifyArchive(JSON.stringify(resign(edited)))).toMatchObject({
      ok: false,
      problem: 'CHAIN_BROKEN',
      seq: 1,
    });
    // …and even a fully re-hashed forgery is not this journal's key.
    const forged: SignedArchive = structuredClone(archive);
    let prev = forged.chain.prevHash;
    forged.entries[0]!.payload['amountCents'] = 1;
    for (const e of forged.entries) {
      e.prevHash = prev;
      e.hash = chainHash(prev, entryJson(e, canonicalJson(e.payload as never)));
      prev = e.hash;
    }
    forged.chain.lastHash = prev;
    forged.closures = forged.closures.map((c) => ({
      ...c,
      hash: forged.entries.find((e) => e.seq === c.seq)!.hash,
    }));
    // Its signature and chain hold: only who vouches for the key tells it apart (the Region, or the journal).
    expect(verifyArchive(JSON.stringify(resign(forged)))).toMatchObject({
      ok: false,
      problem: 'KEY_UNTRUSTED',
    });
    expect(verifyArchive(JSON.stringify(resign(forged)), j)).toMatchObject({
      ok: false,
      problem: 'KEY_UNKNOWN',
    });
    const removed: SignedArchive = structuredClone(archive);
    removed.entries.splice(2, 1);
    expect(verifyArchive(JSON.stringify(resign(removed)))).toMatchObject({
      ok: false,
      problem: 'CHAIN_BROKEN',
      seq: 3,
    });
    const closure: SignedArchive = structuredClone(archive);
    closure.closures = [];
    expect(verifyArchive(JSON.stringify(resign(closure)))).toMatchObject({
      ok: false,
      problem: 'CLOSURE_MISMATCH',
    });
    expect(verifyArchive(text.slice(0, -2))).toMatchObject({ ok: false, problem: 'MALFORMED' });
  });

  it('is made and checked by `till archive create|verify`', async () => {
    const tj = journalWithDebits();
    const file = join(tj.dir, 'march.archive.json');
    const out: string[] = [];
    const io = {
      out: (l: string) => out.push(l),
      err: (l: string) => out.push(l),
      now: () => new Date('2026-04-02T08:00:00Z'),
    };
    /** `till archive …` as typed on the command line: its exit code. */
    const archive = (...args: string[]) => runCli(COMMANDS, ['archive', ...args], io);
    tj.journal.close();
    // Without the till's key the archive key cannot be made (never in clear), nor used.
    expect(await archive('create', '--db', tj.path, '--period', '2026-03', '--out', file)).toBe(1);
    expect(out.at(-1)).toMatch(/^DEVICE_SECRET_UNREADABLE/);
    expect(
      await archive('create', '--db', tj.path, '--period', '2026-03', '--out', file, '--key-file', keyFile),
    ).toBe(0);
    expect(await archive('verify', file, '--db', tj.path)).toBe(0);
    expect(out.at(-1)).toMatch(
      /^OK archive of 2026-03 by device D-000042: 6 entries \(1\.\.6\), 1 closure\(s\).*matches the journal$/,
    );
    const a = JSON.parse(readFileSync(file, 'utf8')) as SignedArchive;
    a.entries[1]!.at = '2026-03-10T09:00:02.000Z';
    writeFileSync(file, JSON.stringify(a));
    expect(await archive('verify', file)).toBe(1);
    expect(out.at(-1)).toBe('INVALID SIGNATURE_INVALID: the signature does not match the content');
    expect(await archive('verify')).toBe(2);

    const csv = join(tj.dir, 'march.csv');
    expect(await archive('csv', '--db', tj.path, '--period', '2026-03', '--out', csv)).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')).toHaveLength(4);
    const pdf = join(tj.dir, 'z.pdf');
    expect(await archive('closure-pdf', '--db', tj.path, '--period', '2026-03-10', '--out', pdf)).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await archive('closure-pdf', '--db', tj.path, '--period', '2026-03', '--out', pdf)).toBe(1);
    tj.reopen();
  });
});

describe('`npm run till -- archive verify` in a real process', () => {
  it('exits 0 on an intact archive and 1 on a tampered one', async () => {
    const { spawnSync } = await import('node:child_process');
    const tj = journalWithDebits();
    const file = join(tj.dir, 'a.json');
    writeFileSync(file, buildArchive(tj.journal, parisPeriod('2026-03-10'), undefined, cipher).text);
    const verifyFile = () =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'main/cli/till.ts', 'archive', 'verify', file, '--db', tj.path],
        { encoding: 'utf8' },
      );
    const good = verifyFile();
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^OK archive of 2026-03-10/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"amountCents":700', '"amountCents":7000'));
    const bad = verifyFile();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^INVALID SIGNATURE_INVALID/);
  }, 60_000);
});
