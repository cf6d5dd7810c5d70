// Prepayment coupons (regulation 4.3.1): a youth sets part of the PRATIQUE wallet aside for one named
// sport or artistic partner. Creating one moves the amount out of the wallet; redeeming debits it in full.
import { COUPON_CATEGORIES, isItemEligible, walletOf } from '../../protocol/catalogue';
import type { CouponCategory } from '../../protocol/catalogue';
import type { z } from 'zod';
import type { Coupon, CouponRedeemed, CouponStatus } from '../../protocol/coupons';
import type { CouponRedeemBody } from '../../protocol/debits';

/** A coupon as the published shape (protocol/coupons.ts), plus the partner it is reserved to. */
export type CouponView = Coupon & { partnerId: string };
/** A redemption as the HTTP layer parsed it. */
export type RedeemRequest = z.output<typeof CouponRedeemBody>;
import { makeCouponCode, normalizeCouponCode } from '../../protocol/coupon-code';
import { seasonBounds } from '../../protocol/paris-time';
import { mintCouponToken, verifyToken } from '../../protocol/pass-token';
import { adjustWallet, balanceOf, getBeneficiary } from './beneficiaries';
import {
  checkAmount,
  checkClockSkew,
  checkMembership,
  checkMonthOpen,
  checkSeason,
  firstProblem,
} from './debit-rules';
import { checkNotTombstoned, insertDebit } from './debits';
import { nextId, secureRandom } from './ids';
import type { Device, Partner } from './partners';
import { getPartner } from './partners';
import { ok, refuse } from './problem';
import type { Outcome } from './problem';
import type { Region } from './region';
import { closedMonthOf } from './months';

interface CouponRow {
  id: string;
  code: string;
  beneficiary_id: string;
  partner_id: string;
  category: CouponCategory;
  amount_cents: number;
  status: 'reserved' | 'redeemed' | 'cancelled';
  expires_at: string;
  expires_ms: number;
  debit_id: string | null;
}

function view(region: Region, row: CouponRow): CouponView {
  const b = getBeneficiary(region, row.beneficiary_id);
  const expired = row.status === 'reserved' && region.now() > row.expires_ms;
  return {
    id: row.id,
    code: row.code,
    partnerId: row.partner_id,
    category: row.category,
    amountCents: row.amount_cents,
    status: expired ? 'expired' : row.status,
    beneficiary: {
      id: row.beneficiary_id,
      givenName: b?.givenName ?? '',
      familyName: b?.familyName ?? '',
      birthDate: b?.birthDate ?? '',
    },
    expiresAt: row.expires_at,
  };
}

function rowById(region: Region, id: string): CouponRow | undefined {
  return region.db.prepare('SELECT * FROM coupons WHERE id = ?').get(id) as CouponRow | undefined;
}

export function createCoupon(
  region: Region,
  input: {
    beneficiaryId: string;
    partnerId: string;
    category: CouponCategory;
    amountCents: number;
    expiresAt?: string | undefined;
  },
): Outcome<{ id: string; code: string; token: string }> {
  return region.db.transaction((): Outcome<{ id: string; code: string; token: string }> => {
    const beneficiary = getBeneficiary(region, input.beneficiaryId);
    if (!beneficiary) return refuse('NOT_FOUND', `no beneficiary ${input.beneficiaryId}`, 404);
    const partner = getPartner(region, input.partnerId);
    if (!partner) return refuse('NOT_FOUND', `no partner ${input.partnerId}`, 404);
    if (!partner.accreditations.includes(input.category))
      return refuse('NOT_ACCREDITED', `partner not accredited for ${input.category}`);
    const wallet = walletOf(input.category);
    const amountProblem = checkAmount(input.amountCents, balanceOf(region, beneficiary.id, wallet));
    if (amountProblem)
      return refuse(
        amountProblem.code === 'AMOUNT_INVALID' && input.amountCents > 0
          ? 'INSUFFICIENT_BALANCE'
          : 'AMOUNT_INVALID',
        amountProblem.detail,
      );
    const seasonEnd = seasonBounds(beneficiary.season).end - 1000;
    const expiresMs = Math.min(input.expiresAt ? Date.parse(input.expiresAt) : seasonEnd, seasonEnd);
    const id = nextId(region.db, 'C', 6);
    let code = makeCouponCode(secureRandom);
    while (region.db.prepare('SELECT 1 FROM coupons WHERE code = ?').get(code))
      code = makeCouponCode(secureRandom);
    const nowIso = region.nowIso();
    region.db
      .prepare(
        "INSERT INTO coupons (id, code, beneficiary_id, partner_id, category, amount_cents, status, expires_at, expires_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, 'reserved', ?, ?, ?)",
      )
      .run(
        id,
        code,
        beneficiary.id,
        partner.id,
        input.category,
        input.amountCents,
        new Date(expiresMs).toISOString(),
        expiresMs,
        nowIso,
      );
    adjustWallet(region, beneficiary.id, wallet, -input.amountCents);
    const token = mintCouponToken(
      {
        sub: beneficiary.id,
        iat: Math.floor(region.now() / 1000),
        exp: Math.floor(expiresMs / 1000),
        couponId: id,
        partnerId: partner.id,
        category: input.category,
        amountCents: input.amountCents,
        code,
      },
      region.keys.signingKey(),
    );
    return ok({ id, code, token });
  })();
}

/** Cancels a reserved coupon and gives its amount back to the wallet. */
export function cancelCoupon(region: Region, id: string): Outcome<CouponView> {
  return region.db.transaction((): Outcome<CouponView> => {
    const row = rowById(region, id);
    if (!row) return refuse('COUPON_UNKNOWN', `no coupon ${id}`, 404);
    if (row.status === 'reserved') {
      region.db.prepare("UPDATE coupons SET status = 'cancelled' WHERE id = ?").run(id);
      adjustWallet(region, row.beneficiary_id, walletOf(row.category), row.amount_cents);
    }
    return ok(view(region, rowById(region, id) ?? row));
  })();
}

function acceptsCoupons(partner: Partner): boolean {
  return partner.accreditations.some((a) => (COUPON_CATEGORIES as readonly string[]).includes(a));
}

export function listCoupons(
  region: Region,
  partner: Partner,
  status: CouponStatus | undefined,
): CouponView[] {
  const rows = region.db
    .prepare('SELECT * FROM coupons WHERE partner_id = ? ORDER BY id')
    .all(partner.id) as CouponRow[];
  return rows.map((r) => view(region, r)).filter((c) => !status || c.status === status);
}

/** The coupon's state as a refusal, or null when it can be redeemed by this partner. */
function usable(coupon: CouponView, partner: Partner): Outcome<never> | null {
  if (coupon.partnerId !== partner.id) return refuse('COUPON_OTHER_PARTNER', 'reserved for another partner');
  switch (coupon.status) {
    case 'redeemed':
      return refuse('COUPON_REDEEMED', 'already redeemed');
    case 'cancelled':
      return refuse('COUPON_CANCELLED', 'cancelled by the youth');
    case 'expired':
      return refuse('COUPON_EXPIRED', `expired at ${coupon.expiresAt}`);
    default:
      return null;
  }
}

export function resolveCoupon(
  region: Region,
  partner: Partner,
  by: { code?: string | undefined; token?: string | undefined },
): Outcome<CouponView> {
  if (!acceptsCoupons(partner))
    return refuse('NOT_ACCREDITED', 'only sport and artistic partners accept coupons');
  let row: CouponRow | undefined;
  if (by.token !== undefined) {
    const verified = verifyToken(by.token, region.keys.publicKeys(), Math.floor(region.now() / 1000));
    if (!verified.ok) {
      if (verified.code === 'TOKEN_EXPIRED') return refuse('COUPON_EXPIRED', 'the coupon token has expired');
      return refuse('TOKEN_INVALID', verified.reason);
    }
    if (verified.token.kind !== 'coupon') return refuse('TOKEN_INVALID', 'a pass token is not a coupon');
    row = rowById(region, verified.token.claims.couponId);
  } else {
    const code = normalizeCouponCode(by.code ?? '');
    if (!code) return refuse('COUPON_UNKNOWN', 'not a coupon code', 404);
    row = region.db.prepare('SELECT * FROM coupons WHERE code = ?').get(code) as CouponRow | undefined;
  }
  if (!row) return refuse('COUPON_UNKNOWN', 'no such coupon', 404);
  const coupon = view(region, row);
  return usable(coupon, partner) ?? ok(coupon);
}

/** Debits the reserved amount in full; the youth pays the rest of the price. */
export function redeemCoupon(
  region: Region,
  device: Device,
  partner: Partner,
  couponId: string,
  req: RedeemRequest,
): Outcome<CouponRedeemed> {
  const row = rowById(region, couponId);
  if (!row) return refuse('COUPON_UNKNOWN', `no coupon ${couponId}`, 404);
  const coupon = view(region, row);
  const unusable = usable(coupon, partner);
  if (unusable) return unusable;
  const beneficiary = getBeneficiary(region, row.beneficiary_id);
  if (!beneficiary) return refuse('COUPON_UNKNOWN', 'coupon of an unknown beneficiary', 404);
  const occurredMs = Date.parse(req.occurredAt);
  const problem = firstProblem(
    () => checkNotTombstoned(region, partner.id, req.id),
    () =>
      partner.accreditations.includes(row.category)
        ? null
        : { status: 422, code: 'NOT_ACCREDITED', detail: `not accredited for ${row.category}` },
    () =>
      isItemEligible(row.category, req.item, req.sessions)
        ? null
        : { status: 422, code: 'ITEM_NOT_ELIGIBLE', detail: `${req.item} not paid from ${row.category}` },
    () => checkAmount(row.amount_cents, req.priceCents),
    () => checkMonthOpen(closedMonthOf(region, occurredMs)),
    () => checkClockSkew(occurredMs, region.now()),
    () => checkMembership(beneficiary),
    // A redemption is always online: judged at the Region's clock, like an online debit.
    () => checkSeason(region.now(), beneficiary.season),
  );
  if (problem) return { ok: false, problem };
  insertDebit(region, {
    id: req.id,
    partnerId: partner.id,
    deviceId: device.id,
    deviceSeq: req.deviceSeq,
    beneficiaryId: beneficiary.id,
    category: row.category,
    item: req.item,
    sessions: req.sessions ?? null,
    amountCents: row.amount_cents,
    priceCents: req.priceCents,
    mode: 'online',
    occurredMs,
    jti: null,
    couponId: row.id,
    cashierId: req.cashierId,
  });
  region.db.prepare("UPDATE coupons SET status = 'redeemed', debit_id = ? WHERE id = ?").run(req.id, row.id);
  return ok({ couponId: row.id, debitId: req.id, status: 'redeemed', amountCents: row.amount_cents });
}
