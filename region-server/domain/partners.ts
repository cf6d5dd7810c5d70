// Partners, their accreditations, activation codes and enrolled devices (tills).
import { createHash, randomBytes } from 'node:crypto';
import type { Ed25519PublicJwk } from '../../protocol/anchors';
import type { Category } from '../../protocol/catalogue';
import type { Partner } from '../../protocol/partners';

export type { Partner };
import { checkArchiveKey, registerArchiveKey } from './archive-keys';
import { makeActivationCode, nextId } from './ids';
import { ok, refuse } from './problem';
import type { Outcome } from './problem';
import type { Region } from './region';

interface PartnerRow {
  id: string;
  name: string;
  siret: string;
  accreditations: string;
  status: 'active' | 'suspended';
}

export interface Device {
  id: string;
  partnerId: string;
  name: string;
}

function toPartner(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: row.name,
    siret: row.siret,
    accreditations: JSON.parse(row.accreditations) as Category[],
    status: row.status,
  };
}

export function getPartner(region: Region, id: string): Partner | null {
  const row = region.db.prepare('SELECT * FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
  return row ? toPartner(row) : null;
}

export function listPartners(region: Region): Partner[] {
  return (region.db.prepare('SELECT * FROM partners ORDER BY id').all() as PartnerRow[]).map(toPartner);
}

export function newActivationCode(region: Region, partnerId: string): string {
  const code = makeActivationCode();
  region.db
    .prepare('INSERT INTO activation_codes (code, partner_id, created_at) VALUES (?, ?, ?)')
    .run(code, partnerId, region.nowIso());
  return code;
}

export function createPartner(
  region: Region,
  input: { name: string; siret: string; accreditations: Category[] },
): { id: string; activationCode: string } {
  return region.db.transaction(() => {
    const id = nextId(region.db, 'P', 4);
    const accreditations = [...new Set(input.accreditations)];
    region.db
      .prepare(
        "INSERT INTO partners (id, name, siret, accreditations, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)",
      )
      .run(id, input.name, input.siret, JSON.stringify(accreditations), region.nowIso());
    return { id, activationCode: newActivationCode(region, id) };
  })();
}

export function patchPartner(
  region: Region,
  id: string,
  patch: { accreditations?: Category[]; status?: 'active' | 'suspended' },
): Outcome<Partner> {
  const partner = getPartner(region, id);
  if (!partner) return refuse('NOT_FOUND', `no partner ${id}`, 404);
  const accreditations = patch.accreditations ? [...new Set(patch.accreditations)] : partner.accreditations;
  const status = patch.status ?? partner.status;
  region.db
    .prepare('UPDATE partners SET accreditations = ?, status = ? WHERE id = ?')
    .run(JSON.stringify(accreditations), status, id);
  return ok({ ...partner, accreditations, status });
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Enrols a till with a single-use activation code; the device token is shown once and stored hashed. */
export function enrollDevice(
  region: Region,
  input: {
    partnerId: string;
    activationCode: string;
    deviceName: string;
    deviceId?: string | undefined;
    archiveKey?: Ed25519PublicJwk | undefined;
  },
): Outcome<{ deviceId: string; token: string; partner: Partner }> {
  // A bad key is refused before the single-use code is spent.
  const key = input.archiveKey ? checkArchiveKey(input.archiveKey) : null;
  if (key && !key.ok) return key;
  return region.db.transaction((): Outcome<{ deviceId: string; token: string; partner: Partner }> => {
    const code = input.activationCode.trim().toUpperCase();
    const row = region.db
      .prepare('SELECT partner_id, used_at FROM activation_codes WHERE code = ?')
      .get(code) as { partner_id: string; used_at: string | null } | undefined;
    if (!row || row.partner_id !== input.partnerId || row.used_at !== null) {
      return refuse('ACTIVATION_INVALID', 'unknown, used, or for another partner', 401);
    }
    const partner = getPartner(region, input.partnerId);
    if (!partner) return refuse('ACTIVATION_INVALID', 'unknown partner', 401);
    if (partner.status === 'suspended') return refuse('PARTNER_SUSPENDED', 'partner suspended', 403);
    const now = region.nowIso();
    const token = `dev_${randomBytes(32).toString('base64url')}`;
    if (input.deviceId !== undefined) {
      // Re-enrolment (a till that lost its token): the same device, so its journal, sequence numbers and
      // anchors stay one story; the old token stops working.
      const replaced = region.db
        .prepare('UPDATE devices SET token_hash = ? WHERE id = ? AND partner_id = ?')
        .run(hashToken(token), input.deviceId, partner.id);
      if (replaced.changes !== 1) return refuse('ACTIVATION_INVALID', 'no such device for this partner', 401);
      region.db.prepare('UPDATE activation_codes SET used_at = ? WHERE code = ?').run(now, code);
      // A key sent again replaces the device's archive key from now on; the old one stays listed.
      if (input.archiveKey) registerArchiveKey(region, input.deviceId, input.archiveKey);
      return ok({ deviceId: input.deviceId, token, partner });
    }
    region.db.prepare('UPDATE activation_codes SET used_at = ? WHERE code = ?').run(now, code);
    const deviceId = nextId(region.db, 'D', 6);
    region.db
      .prepare('INSERT INTO devices (id, partner_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(deviceId, partner.id, input.deviceName, hashToken(token), now);
    if (input.archiveKey) registerArchiveKey(region, deviceId, input.archiveKey);
    return ok({ deviceId, token, partner });
  })();
}

export interface DeviceRecord extends Device {
  enrolledAt: string;
}

export function getDevice(region: Region, id: string): DeviceRecord | null {
  const row = region.db
    .prepare('SELECT id, partner_id, name, created_at FROM devices WHERE id = ?')
    .get(id) as { id: string; partner_id: string; name: string; created_at: string } | undefined;
  return row ? { id: row.id, partnerId: row.partner_id, name: row.name, enrolledAt: row.created_at } : null;
}

export function deviceByToken(region: Region, token: string): Device | null {
  const row = region.db
    .prepare('SELECT id, partner_id, name FROM devices WHERE token_hash = ?')
    .get(hashToken(token)) as { id: string; partner_id: string; name: string } | undefined;
  return row ? { id: row.id, partnerId: row.partner_id, name: row.name } : null;
}
