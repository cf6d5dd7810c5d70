// Debits of a wallet by a partner's till: recording one after every check, voiding one, and listing
// them for reconciliation. Callers run these inside one SQLite transaction with the idempotency record,
// and nothing here awaits, so concurrent requests are serialized by the event loop and cannot overdraw.
import { walletOf } from '../../protocol/catalogue';
import type { Category, Item, Wallet } from '../../protocol/catalogue';
import { parisDayBounds, parisDay, parisMonth } from '../../protocol/paris-time';
import { verifyToken } from '../../protocol/pass-token';
import { adjustWallet, balanceOf, getBeneficiary } from './beneficiaries';
import {
  checkAccreditation,
  checkAmount,
  checkBalance,
  checkClockSkew,
  checkItemEligible,
  checkMembership,
  checkMonthOpen,
  checkOfflineAge,
  checkOfflineLimit,
  checkSeason,
  checkToken,
  checkTokenUnused,
  firstProblem,
} from './debit-rules';
import type { Device, Partner } from './partners';
import { ok, refuse } from './problem';
import type { Outcome, Problem } from './problem';
import type { Region } from './region';
import { closedMonthOf, isMonthClosed } from './months';
import type { z } from 'zod';
import type {
  DebitAccepted,
  DebitBody,
  DebitView,
  LedgerItem,
  VoidAnswer,
  VoidBody,
} from '../../protocol/debits';

/** A debit request as the HTTP layer parsed it (protocol/debits.ts, shared with the till). */
export type DebitRequest = z.output<typeof DebitBody>;
/** A void request as the HTTP layer parsed it. */
export type VoidRequest = z.output<typeof VoidBody>;

interface DebitRow {
  id: string;
  partner_id: string;
  device_id: string;
  device_seq: number;
  beneficiary_id: string;
  category: Category;
  wallet: Wallet;
  item: Item;
  sessions: number | null;
  amount_cents: number;
  price_cents: number;
  status: 'accepted' | 'voided';
  mode: 'online' | 'offline';
  occurred_at: string;
  occurred_ms: number;
  accepted_at: string;
  voided_at: string | null;
  void_response: string | null;
  jti: string | null;
  coupon_id: string | null;
  cashier_id: string;
}

function toView(r: DebitRow): DebitView {
  return {
    id: r.id,
    deviceId: r.device_id,
    deviceSeq: r.device_seq,
    category: r.category,
    item: r.item,
    sessions: r.sessions,
    amountCents: r.amount_cents,
    priceCents: r.price_cents,
    status: r.status,
    mode: r.mode,
    occurredAt: r.occurred_at,
    acceptedAt: r.accepted_at,
    voidedAt: r.voided_at,
    couponId: r.coupon_id,
  };
}

export interface NewDebit {
  id: string;
  partnerId: string;
  deviceId: string;
  deviceSeq: number;
  beneficiaryId: string;
  category: Category;
  item: string;
  sessions: number | null;
  amountCents: number;
  priceCents: number;
  mode: 'online' | 'offline';
  occurredMs: number;
  jti: string | null;
  couponId: string | null;
  cashierId: string;
}

/** Writes an accepted debit row (no wallet movement: the caller moves the wallet). */
export function insertDebit(region: Region, d: NewDebit): string {
  const acceptedAt = region.nowIso();
  region.db
    .prepare(
      `INSERT INTO debits (id, partner_id, device_id, device_seq, beneficiary_id, category, wallet, item, sessions, amount_cents,
        price_cents, status, mode, occurred_at, occurred_ms, accepted_at, jti, coupon_id, cashier_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      d.id,
      d.partnerId,
      d.deviceId,
      d.deviceSeq,
      d.beneficiaryId,
      d.category,
      walletOf(d.category),
      d.item,
      d.sessions,
      d.amountCents,
      d.priceCents,
      d.mode,
      new Date(d.occurredMs).toISOString(),
      d.occurredMs,
      acceptedAt,
      d.jti,
      d.couponId,
      d.cashierId,
    );
  return acceptedAt;
}

function debitUsingJti(region: Region, jti: string): string | null {
  const row = region.db.prepare('SELECT id FROM debits WHERE jti = ?').get(jti) as { id: string } | undefined;
  return row?.id ?? null;
}

const asRefusal = (p: Problem): Outcome<never> => ({ ok: false, problem: p });

/**
 * A debit id a void reached before the debit did: refused for ever (422 DEBIT_VOIDED, stored like
 * every final answer), so a delayed POST cannot debit a wallet the till has already given up on.
 */
export function checkNotTombstoned(region: Region, partnerId: string, debitId: string): Problem | null {
  const row = region.db
    .prepare('SELECT void_id FROM void_tombstones WHERE debit_id = ? AND partner_id = ?')
    .get(debitId, partnerId) as { void_id: string } | undefined;
  return row
    ? {
        status: 422,
        code: 'DEBIT_VOIDED',
        detail: `void ${row.void_id} for ${debitId} arrived before the debit`,
      }
    : null;
}

/** Every check of region-api.md, then the debit; refusals change nothing. */
export function recordDebit(
  region: Region,
  device: Device,
  partner: Partner,
  req: DebitRequest,
): Outcome<DebitAccepted> {
  const nowMs = region.now();
  const occurredMs = Date.parse(req.occurredAt);
  const policy = region.settings.offline;
  const offline = req.mode === 'offline';

  const early = firstProblem(
    () => checkNotTombstoned(region, partner.id, req.id),
    () => checkAccreditation(partner, req.category),
    () => checkItemEligible(req.category as Category, req.item, req.sessions),
    () => checkAmount(req.amountCents, req.priceCents),
    // Before the age and skew checks: a debit dated in a closed month is refused as such, in either mode.
    () => checkMonthOpen(closedMonthOf(region, occurredMs)),
    () => (offline ? checkOfflineAge(occurredMs, nowMs, policy) : checkClockSkew(occurredMs, nowMs)),
    () => (offline ? checkOfflineLimit(req.amountCents, policy) : null),
  );
  if (early) return asRefusal(early);

  const verified = verifyToken(
    req.token,
    region.keys.publicKeys(),
    Math.floor((offline ? occurredMs : nowMs) / 1000),
  );
  const tokenProblem = checkToken(verified);
  if (tokenProblem || !verified.ok || verified.token.kind !== 'pass')
    return asRefusal(tokenProblem ?? { status: 422, code: 'TOKEN_INVALID', detail: 'not a pass' });
  const claims = verified.token.claims;
  const beneficiary = getBeneficiary(region, claims.sub);
  if (!beneficiary) return refuse('TOKEN_INVALID', 'token for an unknown beneficiary');
  const category = req.category as Category;
  const wallet = walletOf(category);

  const late = firstProblem(
    () => checkTokenUnused(debitUsingJti(region, claims.jti)),
    () => checkMembership(beneficiary),
    () => checkSeason(offline ? occurredMs : nowMs, beneficiary.season),
    // Offline debits are honoured past the live balance: the Region carries that risk up to the floor limit.
    () => (offline ? null : checkBalance(balanceOf(region, beneficiary.id, wallet), req.amountCents)),
  );
  if (late) return asRefusal(late);

  const acceptedAt = insertDebit(region, {
    id: req.id,
    partnerId: partner.id,
    deviceId: device.id,
    deviceSeq: req.deviceSeq,
    beneficiaryId: beneficiary.id,
    category,
    item: req.item,
    sessions: req.sessions ?? null,
    amountCents: req.amountCents,
    priceCents: req.priceCents,
    mode: req.mode,
    occurredMs,
    jti: claims.jti,
    couponId: null,
    cashierId: req.cashierId,
  });
  const walletBalanceCents = adjustWallet(region, beneficiary.id, wallet, -req.amountCents);
  return ok({ id: req.id, status: 'accepted', walletBalanceCents, acceptedAt });
}

/** Reverses a debit: allowed until the end of its Paris business day, never once its month is closed. */
export function voidDebit(
  region: Region,
  partner: Partner,
  debitId: string,
  req: VoidRequest,
): Outcome<VoidAnswer> {
  const row = region.db
    .prepare('SELECT * FROM debits WHERE id = ? AND partner_id = ?')
    .get(debitId, partner.id) as DebitRow | undefined;
  if (!row) {
    // The answer stays 404 (not stored: a retry asks again), but the id is buried in the same
    // transaction, so the debit it names is refused if its POST turns up later.
    region.db
      .prepare(
        'INSERT OR IGNORE INTO void_tombstones (debit_id, partner_id, void_id, recorded_at) VALUES (?, ?, ?, ?)',
      )
      .run(debitId, partner.id, req.id, region.nowIso());
    return refuse(
      'UNKNOWN_DEBIT',
      `no debit ${debitId} for this partner; it will be refused if it arrives`,
      404,
    );
  }
  if (row.status === 'voided' && row.void_response) return ok(JSON.parse(row.void_response) as VoidAnswer);
  const nowMs = region.now();
  if (isMonthClosed(region, parisMonth(row.occurred_ms)))
    return refuse('VOID_WINDOW_CLOSED', 'the month of the debit is closed');
  if (nowMs >= parisDayBounds(parisDay(row.occurred_ms)).end)
    return refuse('VOID_WINDOW_CLOSED', 'the business day of the debit is over');
  let walletBalanceCents: number;
  if (row.coupon_id) {
    // A redeemed coupon goes back to reserved: its amount stays set aside for that partner.
    region.db
      .prepare("UPDATE coupons SET status = 'reserved', debit_id = NULL WHERE id = ?")
      .run(row.coupon_id);
    walletBalanceCents = balanceOf(region, row.beneficiary_id, row.wallet);
  } else {
    walletBalanceCents = adjustWallet(region, row.beneficiary_id, row.wallet, row.amount_cents);
  }
  const result: VoidAnswer = { debitId, status: 'voided', walletBalanceCents };
  region.db
    .prepare("UPDATE debits SET status = 'voided', voided_at = ?, void_response = ? WHERE id = ?")
    .run(region.nowIso(), JSON.stringify(result), debitId);
  return ok(result);
}

export function listDebitsInRange(
  region: Region,
  partnerId: string,
  fromMs: number,
  toMs: number,
): DebitView[] {
  const rows = region.db
    .prepare(
      'SELECT * FROM debits WHERE partner_id = ? AND occurred_ms >= ? AND occurred_ms < ? ORDER BY occurred_ms, id',
    )
    .all(partnerId, fromMs, toMs) as DebitRow[];
  return rows.map(toView);
}

interface Cursor {
  ms: number;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.ms, c.id])).toString('base64url');
}

function decodeCursor(text: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string')
      return { ms: value[0], id: value[1] };
  } catch {
    return null;
  }
  return null;
}

export const MAX_PAGE = 500;

/** A page of the partner's debits ordered by (occurredAt, id), resumable by an opaque cursor. */
export function pageDebits(
  region: Region,
  partnerId: string,
  q: { fromMs: number; toMs: number; cursor?: string | undefined; limit: number },
): Outcome<{ items: DebitView[]; nextCursor: string | null }> {
  const after = q.cursor ? decodeCursor(q.cursor) : { ms: -Infinity, id: '' };
  if (!after) return refuse('VALIDATION_FAILED', 'cursor invalid', 400);
  const rows = region.db
    .prepare(
      `SELECT * FROM debits WHERE partner_id = ? AND occurred_ms >= ? AND occurred_ms < ?
         AND (occurred_ms > ? OR (occurred_ms = ? AND id > ?)) ORDER BY occurred_ms, id LIMIT ?`,
    )
    .all(
      partnerId,
      q.fromMs,
      q.toMs,
      after.ms === -Infinity ? -1e15 : after.ms,
      after.ms === -Infinity ? -1e15 : after.ms,
      after.id,
      q.limit + 1,
    ) as DebitRow[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ ms: last.occurred_ms, id: last.id }) : null;
  return ok({ items: page.map(toView), nextCursor });
}

export function ledger(region: Region): LedgerItem[] {
  const rows = region.db.prepare('SELECT * FROM debits ORDER BY occurred_ms, id').all() as DebitRow[];
  return rows.map((r) => ({ ...toView(r), partnerId: r.partner_id, beneficiaryId: r.beneficiary_id }));
}
