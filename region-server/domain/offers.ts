// Bons plans (regulation 3.2.2, 4.4): one-off offers with places; the organising partner checks in the
// designated participants on site from their pass QR code.
import { verifyToken } from '../../protocol/pass-token';
import { getBeneficiary } from './beneficiaries';
import { nextId } from './ids';
import type { Partner } from './partners';
import { getPartner } from './partners';
import { ok, refuse } from './problem';
import type { Outcome } from './problem';
import type { Region } from './region';
import type { CheckinAnswer, Offer, Participant } from '../../protocol/offers';

type Designation = Offer['designation'];
type ParticipantStatus = Participant['status'];

interface OfferRow {
  id: string;
  partner_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  places: number;
  designation: Designation;
}

const toOffer = (r: OfferRow): Offer => ({
  id: r.id,
  title: r.title,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  places: r.places,
  designation: r.designation,
});

export function createOffer(
  region: Region,
  input: {
    partnerId: string;
    title: string;
    startsAt: string;
    endsAt: string;
    places: number;
    designation: Designation;
  },
): Outcome<{ id: string }> {
  if (!getPartner(region, input.partnerId)) return refuse('NOT_FOUND', `no partner ${input.partnerId}`, 404);
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt))
    return refuse('VALIDATION_FAILED', 'endsAt must follow startsAt', 400);
  return region.db.transaction(() => {
    const id = nextId(region.db, 'O', 4);
    region.db
      .prepare(
        'INSERT INTO offers (id, partner_id, title, starts_at, ends_at, places, designation) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        input.partnerId,
        input.title,
        new Date(input.startsAt).toISOString(),
        new Date(input.endsAt).toISOString(),
        input.places,
        input.designation,
      );
    return ok({ id });
  })();
}

function offerRow(region: Region, id: string): OfferRow | undefined {
  return region.db.prepare('SELECT * FROM offers WHERE id = ?').get(id) as OfferRow | undefined;
}

export function listOffers(region: Region, partner: Partner): Offer[] {
  return (
    region.db
      .prepare('SELECT * FROM offers WHERE partner_id = ? ORDER BY starts_at, id')
      .all(partner.id) as OfferRow[]
  ).map(toOffer);
}

function participantsOf(region: Region, offerId: string): Participant[] {
  const rows = region.db
    .prepare(
      `SELECT p.beneficiary_id, p.status, b.given_name, b.family_name FROM participants p
       JOIN beneficiaries b ON b.id = p.beneficiary_id WHERE p.offer_id = ? ORDER BY p.rowid`,
    )
    .all(offerId) as {
    beneficiary_id: string;
    status: ParticipantStatus;
    given_name: string;
    family_name: string;
  }[];
  return rows.map((r) => ({
    beneficiaryId: r.beneficiary_id,
    givenName: r.given_name,
    familyName: r.family_name,
    status: r.status,
  }));
}

export function listParticipants(region: Region, partner: Partner, offerId: string): Outcome<Participant[]> {
  const offer = offerRow(region, offerId);
  if (!offer || offer.partner_id !== partner.id)
    return refuse('NOT_FOUND', `no offer ${offerId} for this partner`, 404);
  return ok(participantsOf(region, offerId));
}

/** Designates a participant; registration is first come within the places. */
export function addParticipant(
  region: Region,
  offerId: string,
  input: { beneficiaryId: string; status: ParticipantStatus },
): Outcome<Participant> {
  return region.db.transaction((): Outcome<Participant> => {
    const offer = offerRow(region, offerId);
    if (!offer) return refuse('NOT_FOUND', `no offer ${offerId}`, 404);
    const b = getBeneficiary(region, input.beneficiaryId);
    if (!b) return refuse('NOT_FOUND', `no beneficiary ${input.beneficiaryId}`, 404);
    const taken = participantsOf(region, offerId).filter(
      (p) => p.status !== 'cancelled' && p.beneficiaryId !== b.id,
    ).length;
    if (input.status !== 'cancelled' && taken >= offer.places)
      return refuse('OFFER_CLOSED', 'no place left', 409);
    region.db
      .prepare(
        'INSERT INTO participants (offer_id, beneficiary_id, status) VALUES (?, ?, ?) ON CONFLICT(offer_id, beneficiary_id) DO UPDATE SET status = excluded.status',
      )
      .run(offerId, b.id, input.status);
    return ok({
      beneficiaryId: b.id,
      givenName: b.givenName,
      familyName: b.familyName,
      status: input.status,
    });
  })();
}

/** Records that a designated participant came; a second check-in of the same person returns the first. */
export function checkIn(
  region: Region,
  partner: Partner,
  offerId: string,
  req: { token: string; occurredAt: string },
): Outcome<CheckinAnswer> {
  const offer = offerRow(region, offerId);
  if (!offer || offer.partner_id !== partner.id)
    return refuse('NOT_FOUND', `no offer ${offerId} for this partner`, 404);
  const verified = verifyToken(req.token, region.keys.publicKeys(), Math.floor(region.now() / 1000));
  if (!verified.ok) return refuse(verified.code, verified.reason);
  if (verified.token.kind !== 'pass') return refuse('TOKEN_INVALID', 'a coupon is not a pass');
  const beneficiaryId = verified.token.claims.sub;
  const row = region.db
    .prepare('SELECT status, checkin_response FROM participants WHERE offer_id = ? AND beneficiary_id = ?')
    .get(offerId, beneficiaryId) as
    { status: ParticipantStatus; checkin_response: string | null } | undefined;
  if (row?.checkin_response) return ok(JSON.parse(row.checkin_response) as CheckinAnswer);
  const now = region.now();
  if (now < Date.parse(offer.starts_at) || now > Date.parse(offer.ends_at))
    return refuse('OFFER_CLOSED', 'outside the offer opening');
  if (!row || row.status === 'cancelled') return refuse('NOT_REGISTERED', 'not designated for this offer');
  if (offer.designation === 'draw' && row.status !== 'winner')
    return refuse('NOT_REGISTERED', 'not drawn as a winner');
  const b = getBeneficiary(region, beneficiaryId);
  const result: CheckinAnswer = {
    status: 'checked_in',
    participant: {
      beneficiaryId,
      givenName: b?.givenName ?? '',
      familyName: b?.familyName ?? '',
      status: 'checked_in',
      checkedInAt: region.nowIso(),
    },
  };
  region.db
    .prepare(
      "UPDATE participants SET status = 'checked_in', checkin_response = ? WHERE offer_id = ? AND beneficiary_id = ?",
    )
    .run(JSON.stringify(result), offerId, beneficiaryId);
  return ok(result);
}
