// The rest of the counter's flows through the real core against the reference server: abandoning a
// pending debit (a void for its UUID until confirmed), voiding an accepted debit, receipts, coupons,
// bons-plans check-ins, the journal's views and closures, and clock skew.
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { youthWithCoupon, offerRunningNow } from '../support/region-server';
import { engineForTests } from './engine-for-tests';
import { cinemaSeat, ledgerOf } from './engine-fixture';
import { parisDay, parisDayBounds, parisMonth, parisMonthBounds } from '../../protocol/paris-time';
import { ledgerDifferences } from './ledger-match';

const region = regionForTests();
const f = engineForTests(region, { accreditations: ['SPECTACLE', 'CINEMA', 'SPORT'] });

const seat = (scanId: string, amountCents = 700) => cinemaSeat(scanId, 950, amountCents);

// The three stories below share one till (its journal, its clock): they run in order, declared so.
describe.sequential('abandon and void', () => {
  it('abandoning a debit the Region never received ends it as never landed, and frees nothing twice', async () => {
    const scan = await f.scanNewYouth();
    await region.admin.setFaults({ errorRate: 1 });
    const pending = await f.call('debit.submit', seat(scan.scanId));
    expect(pending.status).toBe('pending');
    const abandoned = await f.call('debit.abandon', { debitId: pending.debitId });
    expect(abandoned.status).toBe('pending');
    await region.admin.setFaults({});
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    const final = await f.call('debit.get', { debitId: pending.debitId });
    expect(final).toMatchObject({ status: 'refused', code: 'UNKNOWN_DEBIT' });
    // Nothing was taken: nothing to void either, and the refusal says so.
    expect(await f.fail('debit.void', { debitId: pending.debitId, reason: 'erreur de saisie' })).toBe(
      'DEBIT_NOT_VOIDABLE',
    );
    const kinds = f.till.journal
      .list({ fromSeq: pending.deviceSeq })
      .filter((e) => e.payload.debitId === pending.debitId)
      .map((e) => e.kind);
    expect(kinds).toEqual(['DEBIT_REQUESTED', 'DEBIT_UNKNOWN', 'VOID_REQUESTED', 'DEBIT_REFUSED']);
    expect((await ledgerOf(region, f.partnerId)).find((d) => d.id === pending.debitId)).toBeUndefined();
  });

  it('abandoning a debit that did land voids it at the Region', async () => {
    const scan = await f.scanNewYouth();
    await region.admin.setFaults({ dropAfterCommitRate: 1 });
    const pending = await f.call('debit.submit', seat(scan.scanId, 500));
    expect(pending.status).toBe('pending');
    await region.admin.setFaults({});
    await f.call('debit.abandon', { debitId: pending.debitId });
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect((await f.call('debit.get', { debitId: pending.debitId })).status).toBe('voided');
    const youth = await region.admin.beneficiary(scan.beneficiaryId);
    expect(youth.wallets.find((w) => w.wallet === 'CINEMA')?.balanceCents).toBe(2000);
    expect(ledgerDifferences(f.till.journal, await ledgerOf(region, f.partnerId))).toEqual([]);
  });

  it('voids an accepted debit of today (manager, with a reason) and explains a closed window', async () => {
    const scan = await f.scanNewYouth();
    const accepted = await f.call('debit.submit', seat(scan.scanId));
    expect(accepted.status).toBe('accepted');
    // An accepted debit is not abandoned: the refusal points to the void.
    expect(await f.fail('debit.abandon', { debitId: accepted.debitId })).toBe('DEBIT_ALREADY_ACCEPTED');
    const receipt = await f.call('receipt.get', { debitId: accepted.debitId });
    expect(receipt).toMatchObject({
      partnerName: 'Théâtre des Arts',
      deviceName: 'Caisse 1',
      deviceSeq: accepted.deviceSeq,
      priceCents: 950,
      amountCents: 700,
      remainderCents: 250,
      walletBalanceCents: 1300,
      holderInitials: 'L. M.',
      status: 'accepted',
      mode: 'online',
    });
    expect(await f.fail('debit.void', { debitId: accepted.debitId, reason: 'x' })).toBe('INPUT_INVALID');
    await f.call('debit.void', { debitId: accepted.debitId, reason: 'séance annulée' });
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect((await f.call('debit.get', { debitId: accepted.debitId })).status).toBe('voided');
    expect((await ledgerOf(region, f.partnerId)).find((d) => d.id === accepted.debitId)?.status).toBe(
      'voided',
    );

    // Tomorrow, by the till's clock: the window is closed, said before anything is written.
    const other = await f.call('debit.submit', seat((await f.scanNewYouth()).scanId));
    await f.reopen({ now: () => Date.now() + 36 * 3_600_000 });
    const before = f.till.journal.head().seq;
    expect(await f.fail('debit.void', { debitId: other.debitId, reason: 'trop tard' })).toBe(
      'VOID_WINDOW_CLOSED',
    );
    expect(f.till.journal.list({ fromSeq: before + 1, kinds: ['VOID_REQUESTED'] })).toEqual([]);
    await f.reopen();
  });
});

describe.sequential('coupons and bons plans', () => {
  it('resolves a coupon by short code and token, redeems it once through the journal', async () => {
    const { coupon } = await youthWithCoupon(
      region,
      { givenName: 'Inès', familyName: 'Roux', birthDate: '2008-02-02' },
      { partnerId: f.partnerId, category: 'SPORT', amountCents: 2000 },
    );
    const listed = await f.call('coupon.list', {});
    expect(listed.map((c) => c.id)).toContain(coupon.id);
    const typed = await f.call('coupon.resolve', { text: coupon.code.toLowerCase().replace(/-/g, '') });
    expect(typed).toMatchObject({ id: coupon.id, amountCents: 2000, status: 'reserved' });
    expect((await f.call('coupon.resolve', { text: coupon.token })).id).toBe(coupon.id);
    expect(await f.fail('coupon.redeem', { couponId: coupon.id, item: 'LICENCE', priceCents: 1500 })).toBe(
      'AMOUNT_INVALID',
    );
    const redeemed = await f.call('coupon.redeem', {
      couponId: coupon.id,
      item: 'LICENCE',
      priceCents: 6000,
    });
    expect(redeemed).toMatchObject({
      status: 'accepted',
      amountCents: 2000,
      remainderCents: 4000,
      couponId: coupon.id,
    });
    expect(await f.fail('coupon.resolve', { text: coupon.code })).toBe('COUPON_REDEEMED');
    const kinds = f.till.journal
      .list({ fromSeq: redeemed.deviceSeq })
      .filter((e) => e.payload.debitId === redeemed.debitId)
      .map((e) => e.kind);
    expect(kinds).toEqual(['COUPON_REDEEM_REQUESTED', 'COUPON_REDEEMED']);
    expect(ledgerDifferences(f.till.journal, await ledgerOf(region, f.partnerId))).toEqual([]);
  });

  it('checks in a registrant once, refuses someone not registered', async () => {
    const offer = await offerRunningNow(region, {
      partnerId: f.partnerId,
      title: 'Avant-première',
      places: 10,
      hoursLeft: 1,
    });
    const guest = await region.admin.createBeneficiary({
      givenName: 'Noé',
      familyName: 'Petit',
      birthDate: '2005-12-12',
    });
    const stranger = await region.admin.createBeneficiary({
      givenName: 'Zoé',
      familyName: 'Grand',
      birthDate: '2005-11-11',
    });
    await region.admin.addParticipant(offer.id, { beneficiaryId: guest.id, status: 'registered' });
    expect((await f.call('offer.list', {})).map((o) => o.id)).toContain(offer.id);
    expect((await f.call('offer.participants', { offerId: offer.id })).map((p) => p.beneficiaryId)).toEqual([
      guest.id,
    ]);
    const first = await f.call('offer.checkin', {
      offerId: offer.id,
      text: await region.admin.mintPass({ beneficiaryId: guest.id }),
    });
    expect(first).toMatchObject({ status: 'checked_in', participant: { beneficiaryId: guest.id } });
    const again = await f.call('offer.checkin', {
      offerId: offer.id,
      text: await region.admin.mintPass({ beneficiaryId: guest.id }),
    });
    expect(again.status).toBe('checked_in');
    const refused = await f.call('offer.checkin', {
      offerId: offer.id,
      text: await region.admin.mintPass({ beneficiaryId: stranger.id }),
    });
    // The refusal names whose pass it was, for the door to say who is refused.
    expect(refused).toMatchObject({
      status: 'refused',
      code: 'NOT_REGISTERED',
      holder: { givenName: 'Zoé', familyName: 'Grand' },
    });
    const kinds = f.till.journal
      .list({ kinds: ['CHECKIN_REQUESTED', 'CHECKIN_RECORDED', 'CHECKIN_REFUSED'] })
      .map((e) => e.kind);
    expect(kinds).toEqual([
      'CHECKIN_REQUESTED',
      'CHECKIN_RECORDED',
      'CHECKIN_REQUESTED',
      'CHECKIN_RECORDED',
      'CHECKIN_REQUESTED',
      'CHECKIN_REFUSED',
    ]);
  });

  it('counts a check-in the Region has not answered in the pending count until the outbox sends it', async () => {
    const offer = await offerRunningNow(region, {
      partnerId: f.partnerId,
      title: 'Concert de midi',
      places: 10,
      hoursLeft: 1,
    });
    const guest = await region.admin.createBeneficiary({
      givenName: 'Inès',
      familyName: 'Roux',
      birthDate: '2006-02-02',
    });
    await region.admin.addParticipant(offer.id, { beneficiaryId: guest.id, status: 'registered' });
    const pass = await region.admin.mintPass({ beneficiaryId: guest.id });
    expect(f.till.status().pendingCount).toBe(0);
    await region.admin.setFaults({ errorRate: 1 });
    try {
      expect(await f.call('offer.checkin', { offerId: offer.id, text: pass })).toEqual({
        status: 'pending',
        holder: { givenName: 'Inès', familyName: 'Roux' },
      });
      expect(f.till.status().pendingCount).toBe(1);
    } finally {
      await region.admin.setFaults({});
    }
    expect(await f.till.outbox.drain({ timeoutMs: 10_000, maxPauseMs: 50 })).toBe(0);
    expect(f.till.status().pendingCount).toBe(0);
    expect(
      f.till.journal.list({ kinds: ['CHECKIN_RECORDED'], order: 'desc', limit: 1 })[0]?.payload,
    ).toMatchObject({ offerId: offer.id });
  });
});

describe.sequential('journal views, closures and the clock', () => {
  it('lists debits with holder names, totals and the pending count; shows entries; verifies', async () => {
    const view = await f.call('journal.list', { status: 'accepted' });
    expect(view.rows.length).toBeGreaterThan(0);
    expect(view.rows.every((r) => r.status === 'accepted' && r.regionConfirmed)).toBe(true);
    expect(view.rows.some((r) => r.holderName === 'Léa Martin')).toBe(true);
    expect(view.pendingCount).toBe(0);
    const cinema = view.totals.find((t) => t.category === 'CINEMA')!;
    expect(cinema.count).toBeGreaterThan(0);
    const entry = await f.call('journal.entry', { seq: view.rows[0]!.deviceSeq });
    expect(entry).toMatchObject({ kind: 'DEBIT_REQUESTED', seq: view.rows[0]!.deviceSeq });
    expect(await f.fail('journal.entry', { seq: 1_000_000 })).toBe('NOT_FOUND');
    expect(await f.call('journal.verify', {})).toMatchObject({ ok: true });
  });

  it('closes a day and a month once they have ended, once, and lists the closures', async () => {
    // Today's debits are in no closure yet: a period is sealed only once it is over (issue 15).
    const today = parisDay(Date.now());
    expect(await f.fail('closure.closeDay', { day: today })).toBe('PERIOD_NOT_ENDED');
    expect(await f.fail('closure.closeMonth', { month: today.slice(0, 7) })).toBe('PERIOD_NOT_ENDED');
    const day = await f.call('closure.closeDay', {});
    expect(day).toMatchObject({ kind: 'DAY_CLOSED', period: parisDay(parisDayBounds(today).start - 1) });
    expect(await f.fail('closure.closeDay', {})).toBe('PERIOD_ALREADY_CLOSED');
    const month = await f.call('closure.closeMonth', {
      month: parisMonth(parisMonthBounds(today.slice(0, 7)).start - 1),
    });
    expect(month.grandTotalCents).toBe(month.periodTotalCents);
    expect((await f.call('closure.list', {})).map((c) => c.kind)).toEqual(['MONTH_CLOSED', 'DAY_CLOSED']);
  });

  it('measures clock skew against the Region and records it beyond a minute', async () => {
    await region.admin.setClock(new Date(Date.now() - 5 * 60_000));
    const skew = await f.till.outbox.checkClock();
    expect(skew).toBeGreaterThan(4 * 60_000);
    expect(f.till.status().clockSkewMs).toBe(skew);
    expect(f.till.journal.list({ kinds: ['CLOCK_SKEW'] }).length).toBe(1);
    await region.admin.setClock(null);
    expect(Math.abs((await f.till.outbox.checkClock()) ?? Infinity)).toBeLessThan(60_000);
  });
});
