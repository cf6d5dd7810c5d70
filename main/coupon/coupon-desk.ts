// Prepayment coupons (SPORT and ARTISTIC partners): listed, resolved from a scanned ATC1 token or a typed
// short code, and redeemed through the journal with the same exactly-once rules as a debit:
// COUPON_REDEEM_REQUESTED (durable, with the UUID the Region dedupes on) → COUPON_REDEEMED / REFUSED,
// an unknown outcome left pending for the outbox.
import { randomUUID } from 'node:crypto';
import { isItemEligible, type ArtDiscipline, type Category, type Item } from '../../protocol/catalogue';
import { recordedDiscipline } from '../debit/discipline';
import { COUPON_PREFIX } from '../../protocol/pass-token';
import { normalizeCouponCode } from '../../protocol/coupon-code';
import { TillError, type CouponView, type DebitOutcome } from '../../preload/contract';
import type { DebitState, Journal, JsonValue } from '../journal/journal';
import type { RegionClient, RegionOutcome } from '../region/client';
import type { Coupon } from '../../protocol/coupons';
import type { Outbox } from '../outbox/outbox';
import { couponRedeemBody } from '../debit/region-request';
import { debitOutcome } from '../debit/outcome-view';
import { regionFailure } from '../debit/region-failure';
import { couponAnswerEntry } from '../debit/region-answer';
import { withImmediateRetries } from '../debit/immediate-retry';

export interface CouponDeskDeps {
  journal: Journal;
  outbox: Pick<Outbox, 'claim' | 'release' | 'kick'>;
  region: () => RegionClient;
  accreditations: () => readonly Category[];
  now: () => number;
  observe: <T>(outcome: RegionOutcome<T>) => RegionOutcome<T>;
  immediateRetryDelaysMs?: readonly number[];
  onOutcome?: (outcome: DebitOutcome) => void;
}

export interface RedeemRequest {
  couponId: string;
  item: Item;
  sessions?: number | undefined;
  discipline?: ArtDiscipline | undefined;
  priceCents: number;
}

const toView = (c: Coupon): CouponView => ({
  id: c.id,
  code: c.code,
  category: c.category,
  amountCents: c.amountCents,
  status: c.status,
  beneficiary: c.beneficiary,
  expiresAt: c.expiresAt,
});

/** What a cashier typed or scanned, as the Region's resolve body; null when it cannot be a coupon. */
export function couponLookup(text: string): { token: string } | { code: string } | null {
  const trimmed = text.trim();
  if (trimmed.startsWith(COUPON_PREFIX)) return { token: trimmed };
  const code = normalizeCouponCode(trimmed);
  return code ? { code } : null;
}

export class CouponDesk {
  /** Coupons seen by list/resolve this session: redeem needs their amount, category and holder. */
  private readonly known = new Map<string, CouponView>();

  constructor(private readonly deps: CouponDeskDeps) {}

  async list(): Promise<CouponView[]> {
    const answer = this.deps.observe(await this.deps.region().listCoupons());
    if (answer.kind !== 'ok') throw regionFailure(answer);
    const views = answer.value.items.map(toView);
    for (const v of views) this.remember(v);
    return views;
  }

  async resolve(text: string): Promise<CouponView> {
    const by = couponLookup(text);
    if (!by) throw new TillError('COUPON_UNKNOWN', 'neither an ATC1 token nor a CP-XXXX-XXXX code');
    const answer = this.deps.observe(await this.deps.region().resolveCoupon(by));
    if (answer.kind !== 'ok') throw regionFailure(answer);
    const view = toView(answer.value.coupon);
    this.remember(view);
    return view;
  }

  async redeem(request: RedeemRequest, cashierId: string): Promise<DebitOutcome & { couponId: string }> {
    const { journal, outbox } = this.deps;
    const coupon = this.known.get(request.couponId);
    if (!coupon) throw new TillError('COUPON_UNKNOWN', 'resolve the coupon first');
    if (coupon.status !== 'reserved')
      throw new TillError(
        `COUPON_${coupon.status.toUpperCase()}` as 'COUPON_REDEEMED' | 'COUPON_CANCELLED' | 'COUPON_EXPIRED',
      );
    const nowMs = this.deps.now();
    if (Date.parse(coupon.expiresAt) < nowMs) throw new TillError('COUPON_EXPIRED');
    if (!this.deps.accreditations().includes(coupon.category))
      throw new TillError('NOT_ACCREDITED', undefined, { category: coupon.category });
    if (!isItemEligible(coupon.category, request.item, request.sessions))
      throw new TillError('ITEM_NOT_ELIGIBLE', undefined, { item: request.item });
    // The reserved amount is debited in full: the price must cover it.
    if (coupon.amountCents <= 0 || coupon.amountCents > request.priceCents)
      throw new TillError('AMOUNT_INVALID', undefined, { amountCents: coupon.amountCents });
    const discipline = recordedDiscipline(request.item, request.discipline);

    const debitId = randomUUID();
    const occurredAt = new Date(nowMs).toISOString();
    const payload: { [k: string]: JsonValue } = {
      debitId,
      couponId: coupon.id,
      category: coupon.category,
      item: request.item,
      ...(request.sessions !== undefined ? { sessions: request.sessions } : {}),
      ...discipline,
      priceCents: request.priceCents,
      amountCents: coupon.amountCents,
      beneficiaryId: coupon.beneficiary.id,
      occurredAt,
    };
    journal.append({ kind: 'COUPON_REDEEM_REQUESTED', cashierId, at: occurredAt, payload });
    const sent = this.state(debitId);
    outbox.claim(debitId);
    let answer;
    try {
      answer = this.deps.observe(
        await withImmediateRetries(
          () => this.deps.region().redeemCoupon(coupon.id, couponRedeemBody(sent)),
          this.deps.immediateRetryDelaysMs,
        ),
      );
    } finally {
      outbox.release(debitId);
    }
    const entry = couponAnswerEntry(sent, answer, cashierId);
    const current = this.state(debitId);
    if (entry && current.lastSeq === sent.lastSeq) {
      journal.append(entry);
      if (answer.kind === 'ok') this.known.set(coupon.id, { ...coupon, status: 'redeemed' });
    } else if (!entry && current.status === 'requested') {
      journal.append({
        kind: 'DEBIT_UNKNOWN',
        cashierId,
        payload: { debitId, detail: answer.kind === 'unknown' ? answer.detail.slice(0, 200) : 'retry later' },
      });
      outbox.kick();
    }
    const outcome = { ...debitOutcome(this.state(debitId)), couponId: coupon.id };
    this.deps.onOutcome?.(outcome);
    return outcome;
  }

  private remember(view: CouponView): void {
    this.known.set(view.id, view);
    if (view.beneficiary.birthDate !== undefined) {
      this.deps.journal.persons.upsert({
        id: view.beneficiary.id,
        givenName: view.beneficiary.givenName,
        familyName: view.beneficiary.familyName,
        birthDate: view.beneficiary.birthDate,
      });
    }
  }

  private state(debitId: string): DebitState {
    const state = this.deps.journal.debits.get(debitId);
    if (!state) throw new TillError('UNKNOWN_DEBIT', debitId);
    return state;
  }
}
