// The public halves of a till's archive-signing keys (region-api.md): registered at enrolment or later,
// replaced with a recorded time, never forgotten, so an archive signed under an old key still verifies
// against a key the Region, not the till, vouches for at that moment.
import { createPublicKey } from 'node:crypto';
import { jwkThumbprint } from '../../protocol/anchors';
import type { ArchiveKeyRecord, ArchiveKeyState, Ed25519PublicJwk } from '../../protocol/anchors';
import { ok, refuse } from './problem';
import type { Outcome } from './problem';
import type { Region } from './region';

interface KeyRow {
  thumbprint: string;
  jwk: string;
  valid_from: string;
  valid_until: string | null;
}

/** The schema checked the shape; this checks that the bytes are an Ed25519 public key node can load. */
export function checkArchiveKey(jwk: Ed25519PublicJwk): Outcome<Ed25519PublicJwk> {
  try {
    createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  } catch {
    return refuse('VALIDATION_FAILED', 'archiveKey is not an Ed25519 public key', 400);
  }
  return ok(jwk);
}

const toRecord = (r: KeyRow): ArchiveKeyRecord => ({
  thumbprint: r.thumbprint,
  jwk: JSON.parse(r.jwk) as Ed25519PublicJwk,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
});

export function archiveKeyState(region: Region, deviceId: string): ArchiveKeyState {
  const keys = (
    region.db
      .prepare('SELECT * FROM archive_keys WHERE device_id = ? ORDER BY arrival')
      .all(deviceId) as KeyRow[]
  ).map(toRecord);
  return { current: keys.find((k) => k.validUntil === null) ?? null, keys };
}

/**
 * Makes `jwk` the device's archive key from now on; the key it replaces stays listed, valid until now.
 * Registering the current key again changes nothing (a PUT retried after a lost answer).
 */
export function registerArchiveKey(
  region: Region,
  deviceId: string,
  jwk: Ed25519PublicJwk,
): Outcome<ArchiveKeyState> {
  const checked = checkArchiveKey(jwk);
  if (!checked.ok) return checked;
  const thumbprint = jwkThumbprint(jwk);
  const current = archiveKeyState(region, deviceId).current;
  if (current?.thumbprint === thumbprint) return ok(archiveKeyState(region, deviceId));
  const now = region.nowIso();
  region.db
    .prepare('UPDATE archive_keys SET valid_until = ? WHERE device_id = ? AND valid_until IS NULL')
    .run(now, deviceId);
  const arrival = (
    region.db
      .prepare('SELECT COALESCE(MAX(arrival), 0) + 1 AS n FROM archive_keys WHERE device_id = ?')
      .get(deviceId) as { n: number }
  ).n;
  region.db
    .prepare(
      'INSERT INTO archive_keys (device_id, thumbprint, jwk, valid_from, valid_until, arrival) VALUES (?, ?, ?, ?, NULL, ?)',
    )
    .run(deviceId, thumbprint, JSON.stringify(jwk), now, arrival);
  return ok(archiveKeyState(region, deviceId));
}
