// Journal anchors and archive keys at the Region (issue 15, item 2; region-api.md "Journal anchors"), over
// real HTTP against the real server and its SQLite file: what a till reports is kept as evidence the till
// cannot take back, a contradiction is refused and kept, a restore is a declared gap, and the auditor's
// view lets a journal's hashes and an archive's signature be checked without asking the till.
import { createHash, generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AnchorConflictProblem,
  AnchorPage,
  AnchorReceipt,
  archiveKeyValidAt,
  ArchiveKeyState,
  Ed25519PublicJwk,
  jwkThumbprint,
} from '../../protocol/anchors';
import type { AnchorItem } from '../../protocol/anchors';
import { regionForTests } from '../../test/support/region-for-tests';
import { enrolTill, http } from './till-client';
import type { Till } from './till-client';

const region = regionForTests();
beforeEach(async () => {
  await region.admin.setClock('2025-10-03T16:00:00.000Z');
});

/** A journal as the till chains it: hash(n) = SHA-256(hash(n-1) ‖ entry n), from 64 zeros. */
function chain(entries: string[]): string[] {
  const hashes: string[] = [];
  let prev = '0'.repeat(64);
  for (const e of entries) {
    prev = createHash('sha256').update(prev, 'utf8').update(e, 'utf8').digest('hex');
    hashes.push(prev);
  }
  return hashes;
}
const entries = (n: number, tag = 'debit') =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ seq: i + 1, kind: tag, amountCents: 100 + i }));
/** Hash of entry `seq` (1-based). */
const at = (hashes: string[], seq: number): string => hashes[seq - 1] ?? '';

function keyPair(): { publicJwk: Ed25519PublicJwk; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicJwk: Ed25519PublicJwk.parse(publicKey.export({ format: 'jwk' })), privateKey };
}

async function enrolWithKey(
  archiveKey?: unknown,
): Promise<{ status: number; json: Record<string, unknown>; partnerId: string; activationCode: string }> {
  const partner = await region.admin.createPartner({
    name: 'Cinéma',
    siret: '12345678900011',
    accreditations: ['CINEMA'],
  });
  const r = await http(region.url, 'POST', '/v1/devices/enroll', {
    body: {
      partnerId: partner.id,
      activationCode: partner.activationCode,
      deviceName: 'Caisse 1',
      ...(archiveKey === undefined ? {} : { archiveKey }),
    },
  });
  return { status: r.status, json: r.json, partnerId: partner.id, activationCode: partner.activationCode };
}

const anchor = (till: Till, body: Record<string, unknown>) =>
  till.call('POST', '/v1/devices/anchors', {
    id: randomUUID(),
    at: '2025-10-03T15:59:00.000Z',
    kind: 'sync',
    ...body,
  });

describe('archive keys', () => {
  it('registers the key sent at enrolment, lists it with its time, and refuses a private or broken key without spending the code', async () => {
    const { publicJwk } = keyPair();
    const enrolled = await enrolWithKey(publicJwk);
    expect(enrolled.status).toBe(201);
    const token = String(enrolled.json.token);
    const state = ArchiveKeyState.parse(
      (await http(region.url, 'GET', '/v1/devices/archive-key', { token })).json,
    );
    expect(state.current).toMatchObject({
      jwk: publicJwk,
      validFrom: '2025-10-03T16:00:00.000Z',
      validUntil: null,
    });
    expect(state.current?.thumbprint).toBe(jwkThumbprint(publicJwk));
    expect(state.keys).toHaveLength(1);

    const { privateKey } = generateKeyPairSync('ed25519');
    const withPrivate = await enrolWithKey(privateKey.export({ format: 'jwk' }));
    expect([withPrivate.status, withPrivate.json.code]).toEqual([400, 'VALIDATION_FAILED']);
    const retry = await http(region.url, 'POST', '/v1/devices/enroll', {
      body: {
        partnerId: withPrivate.partnerId,
        activationCode: withPrivate.activationCode,
        deviceName: 'Caisse 1',
      },
    });
    expect(retry.status).toBe(201);
    const noKey = ArchiveKeyState.parse(
      (await http(region.url, 'GET', '/v1/devices/archive-key', { token: String(retry.json.token) })).json,
    );
    expect(noKey).toEqual({ current: null, keys: [] });

    expect((await enrolWithKey({ kty: 'OKP', crv: 'Ed25519', x: 'too-short' })).status).toBe(400);
    expect((await enrolWithKey({ kty: 'EC', crv: 'P-256', x: publicJwk.x })).status).toBe(400);
  });

  it('replaces the key with a recorded time, keeps the old one listed, so an archive verifies against the key of its moment', async () => {
    const first = keyPair();
    const enrolled = await enrolWithKey(first.publicJwk);
    const token = String(enrolled.json.token);
    const deviceId = String(enrolled.json.deviceId);
    // An archive signed in October with the first key.
    const october = Buffer.from('archive 2025-10: entries 1..120, head 9f…');
    const octoberSignature = sign(null, october, first.privateKey);

    await region.admin.setClock('2025-11-05T09:00:00.000Z');
    const second = keyPair();
    const put = await http(region.url, 'PUT', '/v1/devices/archive-key', {
      token,
      body: { jwk: second.publicJwk },
    });
    expect(put.status).toBe(200);
    const after = ArchiveKeyState.parse(put.json);
    expect(after.keys.map((k) => [k.jwk.x, k.validFrom, k.validUntil])).toEqual([
      [first.publicJwk.x, '2025-10-03T16:00:00.000Z', '2025-11-05T09:00:00.000Z'],
      [second.publicJwk.x, '2025-11-05T09:00:00.000Z', null],
    ]);
    // A PUT retried after a lost answer changes nothing.
    await region.admin.setClock('2025-11-05T09:00:05.000Z');
    expect(
      (await http(region.url, 'PUT', '/v1/devices/archive-key', { token, body: { jwk: second.publicJwk } }))
        .json,
    ).toEqual(put.json);
    expect(
      (
        await http(region.url, 'PUT', '/v1/devices/archive-key', {
          token,
          body: { jwk: { ...second.publicJwk, d: 'AAAA' } },
        })
      ).status,
    ).toBe(400);

    // The auditor takes the keys from the Region, not from the till, and picks the one valid when the archive was signed.
    const audit = await region.admin.device(deviceId);
    const octoberKey = archiveKeyValidAt(audit.archiveKeys, '2025-10-31T23:00:00.000Z');
    expect(octoberKey?.jwk.x).toBe(first.publicJwk.x);
    expect(archiveKeyValidAt(audit.archiveKeys, '2025-11-05T09:00:00.000Z')?.thumbprint).toBe(
      jwkThumbprint(second.publicJwk),
    );
    expect(archiveKeyValidAt(audit.archiveKeys, '2025-10-03T15:59:59.999Z')).toBeNull();
    const asKey = (jwk: Ed25519PublicJwk) => ({
      key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x },
      format: 'jwk' as const,
    });
    expect(verify(null, october, asKey(octoberKey!.jwk), octoberSignature)).toBe(true);
    // An edited archive re-signed with a key the Region never listed does not verify against any listed key.
    const forger = keyPair();
    const forged = Buffer.from('archive 2025-10: entries 1..119, head 3c…');
    const forgedSignature = sign(null, forged, forger.privateKey);
    expect(audit.archiveKeys.some((k) => verify(null, forged, asKey(k.jwk), forgedSignature))).toBe(false);
  });
});

describe('journal anchors', () => {
  let till: Till;
  beforeEach(async () => {
    till = await enrolTill(region, ['CINEMA']);
  });

  it('keeps the head the till reports, replays an anchor by its id, and refuses a contradiction with 409, kept and marked', async () => {
    const journal = chain(entries(30));
    const first = await anchor(till, { id: 'a-10', seq: 10, hash: at(journal, 10) });
    expect(first.status).toBe(201);
    expect(AnchorReceipt.parse(first.json)).toEqual({
      seq: 10,
      hash: at(journal, 10),
      receivedAt: '2025-10-03T16:00:00.000Z',
    });
    expect((await anchor(till, { id: 'a-10', seq: 10, hash: at(journal, 10) })).text).toBe(first.text);
    expect((await anchor(till, { id: 'a-10', seq: 11, hash: at(journal, 11) })).json.code).toBe(
      'IDEMPOTENCY_CONFLICT',
    );
    expect((await anchor(till, { seq: 20, hash: at(journal, 20) })).status).toBe(201);

    // The whole chain recomputed (every entry rewritten): the head at 20 no longer matches.
    const rewritten = chain(entries(30, 'forged'));
    const recomputed = await anchor(till, { id: 'a-forged', seq: 20, hash: at(rewritten, 20) });
    expect(recomputed.status).toBe(409);
    expect(recomputed.contentType).toContain('application/problem+json');
    expect(AnchorConflictProblem.parse(recomputed.json).conflict).toEqual({
      reason: 'HASH_MISMATCH',
      anchoredSeq: 20,
      anchoredHash: at(journal, 20),
      anchoredAt: '2025-10-03T15:59:00.000Z',
    });
    // Replayed, the refusal is the same and is recorded once.
    expect((await anchor(till, { id: 'a-forged', seq: 20, hash: at(rewritten, 20) })).text).toBe(
      recomputed.text,
    );

    // The tail cut off at 15 and the till going on from there: the head went down.
    const cut = chain([...entries(15), JSON.stringify({ seq: 16, kind: 'debit', amountCents: 999 })]);
    const down = await anchor(till, { seq: 16, hash: at(cut, 16) });
    expect([down.status, (down.json as { conflict?: { reason: string } }).conflict?.reason]).toEqual([
      409,
      'SEQ_WENT_DOWN',
    ]);

    // A repeat of a pair the Region holds contradicts nothing, even below the head (a closure at an old head).
    const closure = { period: '2025-10-02', kind: 'day', count: 10, totalCents: 1450, grandTotalCents: 1450 };
    expect((await anchor(till, { seq: 10, hash: at(journal, 10), kind: 'closure', closure })).status).toBe(
      201,
    );
    // A sealed period never changes: the same day's closure with other totals is a contradiction too.
    const changed = await anchor(till, {
      seq: 30,
      hash: at(journal, 30),
      kind: 'closure',
      closure: { ...closure, totalCents: 2450, grandTotalCents: 2450 },
    });
    expect([changed.status, (changed.json as { conflict?: { reason: string } }).conflict?.reason]).toEqual([
      409,
      'CLOSURE_CHANGED',
    ]);
    expect((await anchor(till, { seq: 30, hash: at(journal, 30) })).status).toBe(201);

    const page = AnchorPage.parse((await till.call('GET', '/v1/devices/anchors')).json);
    expect(page.nextSeq).toBeNull();
    expect(page.items.map((a) => [a.seq, a.kind, a.conflict?.reason ?? null])).toEqual([
      [10, 'sync', null],
      [10, 'closure', null],
      [16, 'sync', 'SEQ_WENT_DOWN'],
      [20, 'sync', null],
      [20, 'sync', 'HASH_MISMATCH'],
      [30, 'closure', 'CLOSURE_CHANGED'],
      [30, 'sync', null],
    ]);
    expect(page.items.find((a) => a.kind === 'closure' && !a.conflict)?.closure).toEqual(closure);
  });

  it('accepts a declared restore as a gap: what it gave up stops binding and stays listed', async () => {
    const journal = chain(entries(40));
    for (const seq of [10, 20, 30])
      expect((await anchor(till, { seq, hash: at(journal, seq) })).status).toBe(201);
    // Restored from a backup whose head is 12: entries 13..30 as anchored are gone, and it says so.
    const restore = await anchor(till, { seq: 12, hash: at(journal, 12), kind: 'restore' });
    expect(restore.status).toBe(201);
    // The restored till goes on with new entries from 13: no conflict with the lost 20 and 30.
    const regrown = chain([...entries(12), ...entries(20, 'after-restore').slice(12)]);
    expect((await anchor(till, { seq: 20, hash: at(regrown, 20) })).status).toBe(201);
    // But a restore cannot rewrite what the restored part held: 10 is still bound to its first hash.
    const lying = await anchor(till, { seq: 10, hash: at(chain(entries(10, 'other')), 10), kind: 'restore' });
    expect([lying.status, (lying.json as { conflict?: { reason: string } }).conflict?.reason]).toEqual([
      409,
      'HASH_MISMATCH',
    ]);

    const items = AnchorPage.parse((await till.call('GET', '/v1/devices/anchors')).json).items;
    const view = (a: AnchorItem) => [
      a.seq,
      a.kind,
      a.superseded ?? false,
      a.gap ?? null,
      a.conflict?.reason ?? null,
    ];
    expect(items.map(view)).toEqual([
      [10, 'sync', false, null, null],
      [10, 'restore', false, null, 'HASH_MISMATCH'],
      [12, 'restore', false, { fromSeq: 13, toSeq: 30 }, null],
      [20, 'sync', true, null, null],
      [20, 'sync', false, null, null],
      [30, 'sync', true, null, null],
    ]);

    const audit = await region.admin.device(till.deviceId);
    expect(audit.device).toMatchObject({
      id: till.deviceId,
      partnerId: till.partnerId,
      enrolledAt: '2025-10-03T16:00:00.000Z',
    });
    expect(audit.partner).toMatchObject({ id: till.partnerId, accreditations: ['CINEMA'] });
    expect(audit.anchors.map(view)).toEqual(items.map(view));
    expect(audit.restores.map((a) => [a.seq, a.gap])).toEqual([[12, { fromSeq: 13, toSeq: 30 }]]);
    expect(audit.conflicts.map((a) => [a.seq, a.conflict?.reason])).toEqual([[10, 'HASH_MISMATCH']]);
  });

  it('lets an auditor check a journal against the anchors alone', async () => {
    const journal = chain(entries(50));
    for (const seq of [10, 25, 50]) await anchor(till, { seq, hash: at(journal, seq) });
    const audit = await region.admin.device(till.deviceId);
    const binding = audit.anchors.filter((a) => !a.conflict && !a.superseded);
    const agrees = (hashes: string[]) => binding.every((a) => at(hashes, a.seq) === a.hash);
    expect(agrees(journal)).toBe(true);
    // A copy whose tail was cut at 40 lacks the head anchored at 50; a copy with entry 7 edited and the
    // chain recomputed from there differs at every anchor from 10 on.
    expect(agrees(journal.slice(0, 40))).toBe(false);
    const edited = entries(50);
    edited[6] = JSON.stringify({ seq: 7, kind: 'debit', amountCents: 1 });
    expect(agrees(chain(edited))).toBe(false);
  });

  it('keeps each device its own story, pages without splitting a seq, survives a restart, and needs the device token', async () => {
    const journal = chain(entries(12));
    const other = await enrolTill(region, ['CINEMA']);
    for (let seq = 1; seq <= 12; seq++) await anchor(till, { seq, hash: at(journal, seq) });
    await anchor(till, {
      seq: 12,
      hash: at(journal, 12),
      kind: 'closure',
      closure: { period: '2025-10', kind: 'month', count: 12, totalCents: 1266, grandTotalCents: 1266 },
    });
    // Another till's journal is its own: its seq 5 may hold any hash.
    expect((await anchor(other, { seq: 5, hash: 'f'.repeat(64) })).status).toBe(201);

    const seen: string[] = [];
    let fromSeq: number | null = 0;
    while (fromSeq !== null) {
      const page = AnchorPage.parse(
        (await till.call('GET', `/v1/devices/anchors?fromSeq=${fromSeq}&limit=4`)).json,
      );
      seen.push(...page.items.map((a) => `${a.seq}:${a.kind}`));
      expect(page.items.length).toBeGreaterThan(0);
      fromSeq = page.nextSeq;
    }
    expect(seen).toEqual([...Array.from({ length: 12 }, (_, i) => `${i + 1}:sync`), '12:closure']);
    const tail = AnchorPage.parse((await till.call('GET', '/v1/devices/anchors?fromSeq=12&limit=1')).json);
    expect(tail.items.map((a) => a.kind)).toEqual(['sync', 'closure']);

    await region.restart();
    const again = AnchorPage.parse((await till.call('GET', '/v1/devices/anchors?fromSeq=0&limit=1000')).json);
    expect(again.items).toHaveLength(13);
    expect((await anchor(till, { seq: 3, hash: 'e'.repeat(64) })).json.code).toBe('ANCHOR_CONFLICT');

    expect(
      (
        await http(region.url, 'POST', '/v1/devices/anchors', {
          body: {
            id: randomUUID(),
            seq: 13,
            hash: 'a'.repeat(64),
            at: '2025-10-03T15:59:00.000Z',
            kind: 'sync',
          },
        })
      ).status,
    ).toBe(401);
    expect((await http(region.url, 'GET', '/v1/devices/anchors')).status).toBe(401);
  });

  it('refuses malformed anchors with 400, and takes them from a suspended partner: evidence spends nothing', async () => {
    expect((await anchor(till, { seq: 1, hash: 'XYZ' })).status).toBe(400);
    expect((await anchor(till, { seq: -1, hash: 'a'.repeat(64) })).status).toBe(400);
    expect((await anchor(till, { seq: 1, hash: 'a'.repeat(64), kind: 'closure' })).status).toBe(400);
    expect(
      (
        await anchor(till, {
          seq: 1,
          hash: 'a'.repeat(64),
          closure: { period: '2025-10-03', kind: 'day', count: 0, totalCents: 0, grandTotalCents: 0 },
        })
      ).status,
    ).toBe(400);
    expect((await anchor(till, { seq: 1, hash: 'a'.repeat(64), at: 'yesterday' })).status).toBe(400);
    await region.admin.patchPartner(till.partnerId, { status: 'suspended' });
    expect((await anchor(till, { seq: 1, hash: 'a'.repeat(64) })).status).toBe(201);
    expect((await region.admin.device(till.deviceId)).anchors).toHaveLength(1);
  });
});
