// Journal anchors (issue 15 item 2), the till against the real reference Region over loopback, real SQLite
// files: enrolment registers the archive key; the outbox's delivered batches and every closure anchor the
// head; the manager's Verify says up to which entry the journal matches the Region; an archive verifies
// against a key the Region lists, and a re-signed forgery does not; the archive key is sealed at rest; a
// refused anchor is a fact in the chain.
import { readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTill, type Till } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { declaredPublicKey, keyIdOf } from '../../main/archive/device-key';
import { signedBytes } from '../../main/archive/build-archive';
import type { SignedArchive } from '../../main/archive/archive-format';
import { verifyArchive } from '../../main/archive/verify-archive';
import { exportArchive } from '../../main/export/period-exports';
import { runCli } from '../../main/cli/dispatch';
import { COMMANDS } from '../../main/cli/registry';
import { regionForTests } from '../support/region-for-tests';
import { youthWithPass } from '../support/region-server';
import { enrolAndLogIn, must, sell } from '../support/till-calls';
import { makeTempDir } from '../support/tmp';

const tmp = makeTempDir('anchors');
const region = regionForTests();
let till: Till;
let deviceId: string;
const keyFile = join(tmp.dir, 'host.key');
const adminKeyFile = join(tmp.dir, 'admin.key');

async function debit(familyName: string): Promise<string> {
  const youth = await youthWithPass(region, { givenName: 'Anna', familyName, birthDate: '2006-05-05' });
  const d = await sell(till, youth.token, { priceCents: 800, amountCents: 500 });
  expect(d.status).toBe('accepted');
  return d.debitId;
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await runCli(COMMANDS, args, {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    now: () => new Date(),
  });
  return { code, out: out.join('\n') };
}

beforeAll(async () => {
  writeFileSync(adminKeyFile, region.adminKey);
  till = createTill({
    dataDir: join(tmp.dir, 'data'),
    cipher: fileKeyCipher(keyFile),
    immediateRetryDelaysMs: [10],
    outbox: { backoff: { baseMs: 10, maxMs: 50 }, idleMs: 50 },
  });
  ({ deviceId } = await enrolAndLogIn(till, region, {
    partnerName: 'Cinéma des Ancres',
    deviceName: 'Caisse 1',
    pin: '246810',
  }));
}, 60_000);

afterAll(() => {
  till?.close();
  tmp.remove();
});

describe('journal anchors, the till side', () => {
  it('registers the archive key at enrolment and keeps its private half sealed', async () => {
    const audit = await region.admin.device(deviceId);
    expect(audit.archiveKeys).toHaveLength(1);
    expect(audit.archiveKeys[0]!.jwk.x).toBe(declaredPublicKey(till.journal));
    const record = till.journal.settings.get<Record<string, unknown>>('archive.signingKey')!;
    expect(record['privateKey']).toBeUndefined();
    expect(typeof record['sealedPrivateKey']).toBe('string');
    // Sealed by the till's key: a copied journal file cannot sign.
    expect(() =>
      fileKeyCipher(join(tmp.dir, 'another.key')).decrypt(String(record['sealedPrivateKey'])),
    ).toThrow();
  });

  it("anchors the head after the outbox's batches and with each closure; Verify matches the Region up to the head", async () => {
    await debit('Premier');
    await debit('Second');
    const report = await till.context.anchors.flush();
    expect(report.stopped).toBe(false);
    const head = till.journal.head();
    const anchors = (await region.admin.device(deviceId)).anchors;
    expect(anchors.some((a) => a.seq === head.seq && a.hash === head.hash && a.kind === 'sync')).toBe(true);

    const verdict = await must<{ ok: boolean; region: { ok: boolean; confirmedUpTo: number } | null }>(
      till,
      'journal.verify',
      {},
    );
    expect(verdict.ok).toBe(true);
    expect(verdict.region).toMatchObject({ ok: true });
    expect(verdict.region!.confirmedUpTo).toBeGreaterThanOrEqual(head.seq);

    const cli1 = await cli([
      'journal',
      'verify',
      '--db',
      join(tmp.dir, 'data', 'journal.sqlite'),
      '--against-region',
      region.url,
      '--admin-key-file',
      adminKeyFile,
    ]);
    expect(cli1.code).toBe(0);
    expect(cli1.out).toMatch(/MATCHES THE REGION up to entry \d+/);
  });

  it('verifies an archive against the keys the Region lists, and refuses a forgery re-signed with a made-up key', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const { text, archive } = exportArchive(till.journal, month, () => new Date(), fileKeyCipher(keyFile));
    const keys = (await region.admin.device(deviceId)).archiveKeys;
    expect(verifyArchive(text, { regionKeys: keys })).toMatchObject({ ok: true, keyListedByRegion: true });
    // Nothing vouching for the key: the signature alone proves nothing.
    expect(verifyArchive(text)).toMatchObject({ ok: false, problem: 'KEY_UNTRUSTED' });

    const forged: SignedArchive = structuredClone(archive);
    forged.entries[0]!.payload['forged'] = true;
    const pair = generateKeyPairSync('ed25519');
    const publicKey = String(pair.publicKey.export({ format: 'jwk' }).x);
    const { signature: _drop, ...unsigned } = {
      ...forged,
      key: { alg: 'Ed25519' as const, keyId: keyIdOf(publicKey), publicKey },
    };
    const resigned = JSON.stringify({
      ...unsigned,
      signature: sign(null, signedBytes(unsigned), pair.privateKey).toString('base64url'),
    });
    expect(verifyArchive(resigned, { regionKeys: keys })).toMatchObject({ ok: false });
    // The auditor's command: the Region's record, not the till's files.
    const file = join(tmp.dir, 'archive.json');
    writeFileSync(file, text);
    const ok = await cli([
      'archive',
      'verify',
      file,
      '--region',
      region.url,
      '--admin-key-file',
      adminKeyFile,
    ]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain('key listed by the Region');
    const forgedFile = join(tmp.dir, 'forged.json');
    writeFileSync(forgedFile, resigned);
    expect(
      (await cli(['archive', 'verify', forgedFile, '--region', region.url, '--admin-key-file', adminKeyFile]))
        .code,
    ).toBe(1);
    expect((await cli(['archive', 'verify', forgedFile])).code).toBe(1);
    // The intact archive, with nothing but its own signature: not vouched for.
    expect((await cli(['archive', 'verify', file])).out).toContain('KEY_UNTRUSTED');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('records a refused anchor as a fact of the journal (409 ANCHOR_CONFLICT)', async () => {
    await till.context.anchors.flush();
    const next = till.journal.head().seq + 1;
    // Someone anchored the next seq with another hash (a copy of this till, an old backup started elsewhere).
    const other = await till.context.region().postAnchor({
      id: `elsewhere-${next}`,
      seq: next,
      hash: 'f'.repeat(64),
      at: new Date().toISOString(),
      kind: 'sync',
    });
    expect(other.kind).toBe('ok');
    till.journal.append({ kind: 'LOGIN', cashierId: null, payload: {} });
    const report = await till.context.anchors.flush();
    expect(report.conflicts).toBe(1);
    const conflict = till.journal.list({ kinds: ['ANCHOR_CONFLICT'] });
    expect(conflict).toHaveLength(1);
    expect(conflict[0]!.payload).toMatchObject({
      seq: next,
      conflict: { reason: 'HASH_MISMATCH', anchoredSeq: next },
    });
    const verdict = await must<{ region: { ok: boolean; findings: { problem: string }[] } }>(
      till,
      'journal.verify',
      {},
    );
    expect(verdict.region.ok).toBe(false);
    expect(verdict.region.findings.map((f) => f.problem)).toContain('REWRITTEN');
  });
});
