// Bons plans (offers) and their check-ins on the wire (region-api.md, "Offers"): what the reference server
// answers and the till reads, defined once for both sides.
import { z } from 'zod';
import { Instant, RequestId } from './debits';

export const DESIGNATIONS = ['registration', 'draw', 'invitation'] as const;
export const PARTICIPANT_STATUSES = ['registered', 'winner', 'checked_in', 'cancelled'] as const;

/** `GET /v1/offers`: one of this partner's offers. */
export const Offer = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  places: z.number().int(),
  designation: z.enum(DESIGNATIONS),
});
export type Offer = z.infer<typeof Offer>;

/** `GET /v1/offers/{id}/participants`: one designated youth. */
export const Participant = z.object({
  beneficiaryId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  status: z.enum(PARTICIPANT_STATUSES),
});
export type Participant = z.infer<typeof Participant>;

/** `POST /v1/offers/{id}/checkins`. */
export const CheckinBody = z.object({ id: RequestId, token: z.string().max(4096), occurredAt: Instant });
export type CheckinBody = z.input<typeof CheckinBody>;

/** `201` answer to a check-in (a second check-in of the same youth answers the first). */
export const CheckinAnswer = z.object({
  status: z.literal('checked_in'),
  participant: Participant.extend({ checkedInAt: z.string().optional() }),
});
export type CheckinAnswer = z.infer<typeof CheckinAnswer>;
