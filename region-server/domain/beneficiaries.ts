// Beneficiaries (the youths), their membership for a season and their wallets.
import { WALLETS, WALLET_INITIAL_CENTS, walletOf } from '../../protocol/catalogue';
import type { WalletBalance } from '../../protocol/passes';
import type { Category, Wallet } from '../../protocol/catalogue';
import { nextId } from './ids';
import { checkJoining } from './membership';
import type { JoiningRequest } from './membership';
import { ok } from './problem';
import type { Outcome } from './problem';
import type { Region } from './region';

export interface Beneficiary {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  season: number;
  membership: 'active' | 'inactive';
  /** When the youth joined (null for memberships recorded before the server kept it). */
  joinedAt: string | null;
}

interface BeneficiaryRow {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  season: number;
  membership: 'active' | 'inactive';
  joined_at: string | null;
}

export function getBeneficiary(region: Region, id: string): Beneficiary | null {
  const row = region.db.prepare('SELECT * FROM beneficiaries WHERE id = ?').get(id) as
    BeneficiaryRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    season: row.season,
    membership: row.membership,
    joinedAt: row.joined_at,
  };
}

/**
 * A reserved coupon takes its amount out of the wallet (coupons.ts); past its expiry it can no longer be
 * spent, so the amount counts in the wallet again while the coupon reads `expired`. Derived at every read
 * rather than moved by a job: it follows the clock, and no youth waits for a sweep to get the money back.
 */
function releasedByExpiredCoupons(region: Region, beneficiaryId: string): Map<Wallet, number> {
  const rows = region.db
    .prepare(
      "SELECT category, SUM(amount_cents) AS cents FROM coupons WHERE beneficiary_id = ? AND status = 'reserved' AND expires_ms < ? GROUP BY category",
    )
    .all(beneficiaryId, region.now()) as { category: Category; cents: number }[];
  const released = new Map<Wallet, number>();
  for (const r of rows) {
    const wallet = walletOf(r.category);
    released.set(wallet, (released.get(wallet) ?? 0) + r.cents);
  }
  return released;
}

export function walletsOf(region: Region, beneficiaryId: string): WalletBalance[] {
  const rows = region.db
    .prepare('SELECT wallet, balance_cents FROM wallets WHERE beneficiary_id = ?')
    .all(beneficiaryId) as {
    wallet: Wallet;
    balance_cents: number;
  }[];
  const byWallet = new Map(rows.map((r) => [r.wallet, r.balance_cents]));
  const released = releasedByExpiredCoupons(region, beneficiaryId);
  return WALLETS.map((wallet) => ({
    wallet,
    balanceCents: (byWallet.get(wallet) ?? 0) + (released.get(wallet) ?? 0),
  }));
}

export function balanceOf(region: Region, beneficiaryId: string, wallet: Wallet): number {
  const row = region.db
    .prepare('SELECT balance_cents FROM wallets WHERE beneficiary_id = ? AND wallet = ?')
    .get(beneficiaryId, wallet) as { balance_cents: number } | undefined;
  return (row?.balance_cents ?? 0) + (releasedByExpiredCoupons(region, beneficiaryId).get(wallet) ?? 0);
}

/** Moves a wallet by `deltaCents` (negative to spend) and answers the new balance. */
export function adjustWallet(
  region: Region,
  beneficiaryId: string,
  wallet: Wallet,
  deltaCents: number,
): number {
  const moved = region.db
    .prepare('UPDATE wallets SET balance_cents = balance_cents + ? WHERE beneficiary_id = ? AND wallet = ?')
    .run(deltaCents, beneficiaryId, wallet);
  if (moved.changes === 0) throw new Error(`no wallet ${wallet} for ${beneficiaryId}`);
  return balanceOf(region, beneficiaryId, wallet);
}

export interface NewBeneficiary extends JoiningRequest {
  membership?: 'active' | 'inactive' | undefined;
  wallets?: Partial<Record<Wallet, number>> | undefined;
}

/** Records a youth's membership of a season after every membership rule (domain/membership.ts). */
export function createBeneficiary(
  region: Region,
  input: NewBeneficiary,
): Outcome<{ id: string; season: number; joinedAt: string; wallets: WalletBalance[] }> {
  return region.db.transaction(
    (): Outcome<{ id: string; season: number; joinedAt: string; wallets: WalletBalance[] }> => {
      const joining = checkJoining(region, input);
      if (!joining.ok) return joining;
      const { season, joinedMs, identity } = joining.value;
      const joinedAt = new Date(joinedMs).toISOString();
      const id = nextId(region.db, `B-${season}`, 6);
      region.db
        .prepare(
          `INSERT INTO beneficiaries (id, given_name, family_name, birth_date, season, membership, created_at, joined_at, identity, under15_exception)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.givenName,
          input.familyName,
          input.birthDate,
          season,
          input.membership ?? 'active',
          region.nowIso(),
          joinedAt,
          identity,
          input.lyceen && input.atoutsLivreEligible ? 1 : 0,
        );
      const insert = region.db.prepare(
        'INSERT INTO wallets (beneficiary_id, wallet, balance_cents) VALUES (?, ?, ?)',
      );
      for (const wallet of WALLETS)
        insert.run(id, wallet, input.wallets?.[wallet] ?? WALLET_INITIAL_CENTS[wallet]);
      return ok({ id, season, joinedAt, wallets: walletsOf(region, id) });
    },
  )();
}

export function setMembership(region: Region, id: string, membership: 'active' | 'inactive'): boolean {
  return (
    region.db.prepare('UPDATE beneficiaries SET membership = ? WHERE id = ?').run(membership, id).changes > 0
  );
}
