// The debit projection: each debit's current state as a view over its entries, and the closures
// already made. Derived data: rebuilt from the entries after this migration.
import type { Migration } from './migration';

export const m0002DebitProjection: Migration = {
  version: 2,
  name: 'debit-projection',
  rebuildsProjections: true,
  up(db) {
    db.exec(`
      CREATE TABLE debits (
        debit_id             TEXT PRIMARY KEY,
        request_seq          INTEGER NOT NULL UNIQUE,
        last_seq             INTEGER NOT NULL,
        kind                 TEXT NOT NULL CHECK (kind IN ('debit', 'coupon')),
        category             TEXT NOT NULL,
        wallet               TEXT NOT NULL,
        item                 TEXT NOT NULL,
        sessions             INTEGER,
        price_cents          INTEGER NOT NULL,
        amount_cents         INTEGER NOT NULL,
        mode                 TEXT NOT NULL CHECK (mode IN ('online', 'offline')),
        jti                  TEXT,
        beneficiary_id       TEXT NOT NULL,
        coupon_id            TEXT,
        occurred_at          TEXT NOT NULL,
        occurred_ms          INTEGER NOT NULL,
        cashier_id           TEXT,
        status               TEXT NOT NULL,
        status_before_void   TEXT,
        code                 TEXT,
        wallet_balance_cents INTEGER,
        accepted_at          TEXT,
        void_id              TEXT
      );
      CREATE INDEX debits_jti ON debits(jti) WHERE jti IS NOT NULL;
      CREATE INDEX debits_occurred ON debits(occurred_ms);
      CREATE INDEX debits_beneficiary ON debits(beneficiary_id, wallet);
      CREATE INDEX debits_awaiting ON debits(request_seq)
        WHERE status IN ('requested', 'pending', 'offline_accepted', 'void_pending');

      CREATE TABLE closures (
        kind              TEXT NOT NULL CHECK (kind IN ('day', 'month')),
        period            TEXT NOT NULL,
        seq               INTEGER NOT NULL UNIQUE,
        last_seq          INTEGER NOT NULL,
        grand_total_cents INTEGER NOT NULL,
        PRIMARY KEY (kind, period)
      );
    `);
  },
};
