// The reference server's schema, forward-only by `PRAGMA user_version`. Money in integer cents,
// instants as ISO strings plus integer milliseconds where the server orders or compares them.

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY, jwk TEXT NOT NULL, created_at TEXT NOT NULL, retired_at TEXT
  );
  CREATE TABLE partners (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, siret TEXT NOT NULL, accreditations TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active','suspended')), created_at TEXT NOT NULL
  );
  CREATE TABLE activation_codes (
    code TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id), created_at TEXT NOT NULL, used_at TEXT
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id), name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL
  );
  CREATE TABLE beneficiaries (
    id TEXT PRIMARY KEY, given_name TEXT NOT NULL, family_name TEXT NOT NULL, birth_date TEXT NOT NULL,
    season INTEGER NOT NULL, membership TEXT NOT NULL CHECK (membership IN ('active','inactive')), created_at TEXT NOT NULL
  );
  CREATE TABLE wallets (
    beneficiary_id TEXT NOT NULL REFERENCES beneficiaries(id), wallet TEXT NOT NULL, balance_cents INTEGER NOT NULL,
    PRIMARY KEY (beneficiary_id, wallet)
  );
  CREATE TABLE debits (
    id TEXT PRIMARY KEY, partner_id TEXT NOT NULL, device_id TEXT NOT NULL, device_seq INTEGER NOT NULL,
    beneficiary_id TEXT NOT NULL, category TEXT NOT NULL, wallet TEXT NOT NULL, item TEXT NOT NULL, sessions INTEGER,
    amount_cents INTEGER NOT NULL, price_cents INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('accepted','voided')), mode TEXT NOT NULL,
    occurred_at TEXT NOT NULL, occurred_ms INTEGER NOT NULL, accepted_at TEXT NOT NULL, voided_at TEXT,
    void_response TEXT, jti TEXT UNIQUE, coupon_id TEXT, cashier_id TEXT NOT NULL
  );
  CREATE INDEX debits_partner_time ON debits (partner_id, occurred_ms, id);
  CREATE TABLE coupons (
    id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, beneficiary_id TEXT NOT NULL, partner_id TEXT NOT NULL,
    category TEXT NOT NULL, amount_cents INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('reserved','redeemed','cancelled')),
    expires_at TEXT NOT NULL, expires_ms INTEGER NOT NULL, created_at TEXT NOT NULL, debit_id TEXT
  );
  CREATE TABLE offers (
    id TEXT PRIMARY KEY, partner_id TEXT NOT NULL, title TEXT NOT NULL, starts_at TEXT NOT NULL, ends_at TEXT NOT NULL,
    places INTEGER NOT NULL, designation TEXT NOT NULL
  );
  CREATE TABLE participants (
    offer_id TEXT NOT NULL REFERENCES offers(id), beneficiary_id TEXT NOT NULL, status TEXT NOT NULL,
    checkin_response TEXT, PRIMARY KEY (offer_id, beneficiary_id)
  );
  CREATE TABLE months (
    month TEXT PRIMARY KEY, closed_at TEXT NOT NULL, paid_at TEXT
  );
  CREATE TABLE statement_totals (
    month TEXT NOT NULL, partner_id TEXT NOT NULL, debit_count INTEGER NOT NULL, total_cents INTEGER NOT NULL,
    PRIMARY KEY (month, partner_id)
  );
  CREATE TABLE idempotency (
    id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL, content_type TEXT NOT NULL,
    body TEXT NOT NULL, created_at TEXT NOT NULL
  );
  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
  // A void that arrived before its debit (the till abandoned a debit whose POST may still be in flight)
  // leaves a tombstone: the debit id can never be recorded afterwards.
  `
  CREATE TABLE void_tombstones (
    debit_id TEXT NOT NULL, partner_id TEXT NOT NULL, void_id TEXT NOT NULL, recorded_at TEXT NOT NULL,
    PRIMARY KEY (debit_id, partner_id)
  );
  `,
  // Every wallet read adds back the reserved coupons past their expiry (domain/beneficiaries.ts).
  `
  CREATE INDEX coupons_by_beneficiary ON coupons (beneficiary_id, status, expires_ms);
  `,
  // Membership rules (domain/membership.ts): when the youth joined, who they are (one membership per
  // season), and whether they joined under 15 by the lycée exception. Rows from before stay NULL.
  `
  ALTER TABLE beneficiaries ADD COLUMN joined_at TEXT;
  ALTER TABLE beneficiaries ADD COLUMN identity TEXT;
  ALTER TABLE beneficiaries ADD COLUMN under15_exception INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX beneficiaries_by_identity ON beneficiaries (identity, season);
  `,
  // Journal anchors (domain/anchors.ts): every anchor a till sent, accepted or refused (conflict JSON),
  // whether it still binds the chain (a declared restore releases those above its seq), and the range a
  // restore declared lost. Archive-signing public keys per device with their validity interval.
  `
  CREATE TABLE anchors (
    id TEXT PRIMARY KEY, device_id TEXT NOT NULL REFERENCES devices(id), seq INTEGER NOT NULL, hash TEXT NOT NULL,
    at TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('sync','closure','restore')), closure TEXT,
    received_at TEXT NOT NULL, conflict TEXT, gap_from INTEGER, gap_to INTEGER,
    binding INTEGER NOT NULL, superseded_at TEXT, arrival INTEGER NOT NULL
  );
  CREATE INDEX anchors_by_device ON anchors (device_id, seq, arrival);
  CREATE INDEX anchors_binding ON anchors (device_id, binding, seq);
  CREATE TABLE archive_keys (
    device_id TEXT NOT NULL REFERENCES devices(id), thumbprint TEXT NOT NULL, jwk TEXT NOT NULL,
    valid_from TEXT NOT NULL, valid_until TEXT, arrival INTEGER NOT NULL, PRIMARY KEY (device_id, arrival)
  );
  `,
  // Each anchor takes the next arrival number (MAX + 1): indexed, that is one step, not a scan.
  `
  CREATE INDEX anchors_by_arrival ON anchors (arrival);
  `,
];
