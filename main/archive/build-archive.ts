// Makes the signed archive of a period (archive-format.ts) and records that it was made.
import { createHash, sign } from 'node:crypto';
import { parisDayBounds, parisMonthBounds } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';
import { canonicalJson } from '../journal/chain-hash';
import type { Journal, JsonValue } from '../journal/journal';
import { ARCHIVE_FORMAT, type SignedArchive, type UnsignedArchive } from './archive-format';
import { deviceKey } from './device-key';
import type { SecretCipher } from '../secrets/secret-store';

export interface ArchivePeriod {
  label: string;
  /** Inclusive, ISO. */
  from: string;
  /** Exclusive, ISO. */
  to: string;
}

/** A Paris month (YYYY-MM) or day (YYYY-MM-DD) as an archive period. */
export function parisPeriod(label: string): ArchivePeriod {
  const bounds = /^\d{4}-\d{2}$/.test(label)
    ? parisMonthBounds(label)
    : /^\d{4}-\d{2}-\d{2}$/.test(label)
      ? parisDayBounds(label)
      : null;
  if (!bounds || !Number.isFinite(bounds.start))
    throw new TillError('INPUT_INVALID', `not a month (YYYY-MM) or day (YYYY-MM-DD): ${label}`);
  return { label, from: new Date(bounds.start).toISOString(), to: new Date(bounds.end).toISOString() };
}

/** Whether a closure of `closed` (YYYY-MM or YYYY-MM-DD) belongs to the archive period `label`. */
function closesWithin(closed: string, label: string): boolean {
  return closed === label || (label.length === 7 && closed.startsWith(`${label}-`));
}

/** The bytes an archive's signature covers. */
export function signedBytes(archive: UnsignedArchive): Buffer {
  return Buffer.from(canonicalJson(archive as unknown as JsonValue), 'utf8');
}

export function buildArchive(
  journal: Journal,
  period: ArchivePeriod,
  now: () => Date = () => new Date(),
  cipher: SecretCipher | null = null,
): { archive: SignedArchive; text: string } {
  const deviceId = journal.deviceId();
  if (!deviceId) throw new TillError('NOT_ENROLLED', 'this journal has no device id');
  const key = deviceKey(journal, cipher);
  const first = journal.list({ fromAt: period.from, toAt: period.to, order: 'asc', limit: 1 })[0];
  const lastWritten = journal.list({ fromAt: period.from, toAt: period.to, order: 'desc', limit: 1 })[0];
  if (!first || !lastWritten) throw new TillError('INPUT_INVALID', `no journal entry in ${period.label}`);
  // A period's closures are written after it ends (a Z the next morning, the month's in the next month):
  // the run reaches them, so an archive made after the closures carries them.
  const ownClosures = journal
    .list({ fromSeq: first.seq, kinds: ['DAY_CLOSED', 'MONTH_CLOSED'] })
    .filter((e) => closesWithin(String(e.payload['period']), period.label));
  const lastSeq = Math.max(lastWritten.seq, ...ownClosures.map((e) => e.seq));
  // The seq range, not the `at` filter: an entry written with a clock that jumped stays in the run.
  const entries = journal.list({ fromSeq: first.seq, toSeq: lastSeq });
  const last = entries[entries.length - 1]!;
  const unsigned: UnsignedArchive = {
    format: ARCHIVE_FORMAT,
    deviceId,
    period,
    createdAt: now().toISOString(),
    entries,
    closures: entries
      .filter((e) => e.kind === 'DAY_CLOSED' || e.kind === 'MONTH_CLOSED')
      .map((e) => ({
        kind: e.kind as 'DAY_CLOSED' | 'MONTH_CLOSED',
        period: String(e.payload['period']),
        seq: e.seq,
        hash: e.hash,
      })),
    chain: {
      firstSeq: first.seq,
      lastSeq: last.seq,
      prevHash: entries[0]!.prevHash,
      lastHash: entries[entries.length - 1]!.hash,
      head: journal.head(),
    },
    key: { alg: 'Ed25519', keyId: key.keyId, publicKey: key.publicKey },
  };
  const signature = sign(null, signedBytes(unsigned), key.privateKey).toString('base64url');
  const archive: SignedArchive = { ...unsigned, signature };
  const text = JSON.stringify(archive);
  journal.append({
    kind: 'EXPORTED',
    cashierId: null,
    payload: {
      what: 'archive',
      period: period.label,
      firstSeq: first.seq,
      lastSeq: last.seq,
      lastHash: unsigned.chain.lastHash,
      keyId: key.keyId,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    },
  });
  return { archive, text };
}
