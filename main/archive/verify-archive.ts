// Checks a signed archive: its shape, its signature, that its entries form an unbroken piece of the
// hash chain, that its closures are among them — and who vouches for the key. A signature only proves that
// whoever holds the key signed: an edited archive re-signed with a made-up key verifies as well. So the key
// must be vouched for: by the Region, which lists the device's archive keys with their validity (the
// auditor's way: GET /admin/devices/{id} or the till's GET /v1/devices/archive-key), or by the journal it
// came from (the key it declared in its chain). Without either, the verdict is KEY_UNTRUSTED.
import { verify } from 'node:crypto';
import { canonicalJson, chainHash, entryJson } from '../journal/chain-hash';
import type { Journal, JsonValue } from '../journal/journal';
import { archiveSchema, type SignedArchive } from './archive-format';
import { signedBytes } from './build-archive';
import { declaredPublicKey, keyIdOf, publicKeyObject } from './device-key';
import { archiveKeyValidAt, type ArchiveKeyRecord } from '../../protocol/anchors';
import type { ArchiveProblem, VerifiedArchive } from '../../preload/contract/manage';

function isJournal(trust: Journal | ArchiveTrust): trust is Journal {
  return typeof (trust as Journal).verify === 'function';
}

/** Who vouches for the archive's key: the journal it came from, the Region's list of the device's keys, or both. */
export interface ArchiveTrust {
  journal?: Journal;
  regionKeys?: readonly ArchiveKeyRecord[];
}

export type ArchiveVerdict =
  | ({ ok: true; checkedAgainstJournal: boolean; keyListedByRegion: boolean } & VerifiedArchive)
  | { ok: false; problem: ArchiveProblem; detail: string; seq?: number };

function fail(problem: ArchiveProblem, detail: string, seq?: number): ArchiveVerdict {
  return seq === undefined ? { ok: false, problem, detail } : { ok: false, problem, detail, seq };
}

function checkChain(a: SignedArchive): ArchiveVerdict | null {
  let prevHash = a.chain.prevHash;
  let expectedSeq = a.chain.firstSeq;
  for (const e of a.entries) {
    if (e.seq !== expectedSeq)
      return fail('CHAIN_BROKEN', `entry ${expectedSeq} is missing (found ${e.seq})`, expectedSeq);
    if (e.prevHash !== prevHash)
      return fail('CHAIN_BROKEN', `entry ${e.seq} does not link to the entry before it`, e.seq);
    let payloadJson: string;
    try {
      payloadJson = canonicalJson(e.payload as JsonValue);
    } catch {
      return fail('CHAIN_BROKEN', `entry ${e.seq} has a payload outside the canonical recipe`, e.seq);
    }
    const recomputed = chainHash(
      prevHash,
      entryJson(
        { seq: e.seq, deviceId: e.deviceId, kind: e.kind, at: e.at, cashierId: e.cashierId },
        payloadJson,
      ),
    );
    if (recomputed !== e.hash)
      return fail('CHAIN_BROKEN', `entry ${e.seq} (${e.kind}) no longer matches its hash`, e.seq);
    prevHash = e.hash;
    expectedSeq += 1;
  }
  if (expectedSeq - 1 !== a.chain.lastSeq || prevHash !== a.chain.lastHash)
    return fail(
      'CHAIN_BROKEN',
      `the entries end at ${expectedSeq - 1}, not at the recorded ${a.chain.lastSeq}`,
    );
  return null;
}

export function verifyArchive(text: string, trust: Journal | ArchiveTrust = {}): ArchiveVerdict {
  const { journal, regionKeys } = isJournal(trust) ? { journal: trust, regionKeys: undefined } : trust;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('MALFORMED', 'not JSON');
  }
  const parsed = archiveSchema.safeParse(raw);
  if (!parsed.success)
    return fail(
      'MALFORMED',
      parsed.error.issues
        .map((i) => `${i.path.join('.')} ${i.message}`)
        .join('; ')
        .slice(0, 500),
    );
  const a = parsed.data;
  const { signature, ...unsigned } = a;
  if (keyIdOf(a.key.publicKey) !== a.key.keyId)
    return fail('SIGNATURE_INVALID', 'the key id does not match the public key');
  let signed: boolean;
  try {
    signed = verify(
      null,
      signedBytes(unsigned),
      publicKeyObject(a.key.publicKey),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    signed = false;
  }
  if (!signed) return fail('SIGNATURE_INVALID', 'the signature does not match the content');
  const chain = checkChain(a);
  if (chain) return chain;
  const bySeq = new Map(a.entries.map((e) => [e.seq, e]));
  for (const c of a.closures) {
    const e = bySeq.get(c.seq);
    if (!e || e.kind !== c.kind || e.hash !== c.hash || e.payload['period'] !== c.period)
      return fail('CLOSURE_MISMATCH', `closure ${c.kind} ${c.period} is not entry ${c.seq}`, c.seq);
  }
  const listed = a.entries.filter((e) => e.kind === 'DAY_CLOSED' || e.kind === 'MONTH_CLOSED').length;
  if (listed !== a.closures.length)
    return fail('CLOSURE_MISMATCH', `${listed} closure entries, ${a.closures.length} listed`);
  if (regionKeys) {
    const listed = archiveKeyValidAt(regionKeys, a.createdAt);
    if (!listed || listed.jwk.x !== a.key.publicKey)
      return fail(
        'KEY_UNKNOWN',
        `the Region lists no such archive key for device ${a.deviceId} on ${a.createdAt}`,
      );
  } else if (!journal) {
    return fail(
      'KEY_UNTRUSTED',
      'the signature holds, but nothing vouches for the key: check against the Region (or the journal it came from)',
    );
  }
  if (journal) {
    if (declaredPublicKey(journal) !== a.key.publicKey)
      return fail('KEY_UNKNOWN', 'this journal did not make the key that signed the archive');
    if (journal.deviceId() !== a.deviceId)
      return fail('JOURNAL_DIFFERS', `the archive is of device ${a.deviceId}`);
    for (const seq of [a.chain.firstSeq, a.chain.lastSeq]) {
      if (journal.get(seq)?.hash !== bySeq.get(seq)?.hash)
        return fail('JOURNAL_DIFFERS', `entry ${seq} differs from the journal's`, seq);
    }
  }
  return {
    ok: true,
    deviceId: a.deviceId,
    period: a.period.label,
    entries: a.entries.length,
    closures: a.closures.length,
    firstSeq: a.chain.firstSeq,
    lastSeq: a.chain.lastSeq,
    lastHash: a.chain.lastHash,
    keyId: a.key.keyId,
    checkedAgainstJournal: journal !== undefined,
    keyListedByRegion: regionKeys !== undefined,
  };
}
