// Bons plans: the organising partner checks in registrants and winners by scanning their pass.
import { z } from 'zod';
import { call } from './define';
import type { ErrorCode } from './errors';
import { emptyInput, scanTextSchema } from './schemas';

export interface OfferView {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  places: number;
  designation: 'registration' | 'draw' | 'invitation';
}

export interface ParticipantView {
  beneficiaryId: string;
  givenName: string;
  familyName: string;
  status: 'registered' | 'winner' | 'checked_in' | 'cancelled';
}

export interface CheckinOutcome {
  status: 'checked_in' | 'pending' | 'refused';
  code?: ErrorCode;
  participant?: ParticipantView;
  /** Whose pass was scanned, as its token names them: so a refusal says who is refused. */
  holder?: { givenName: string; familyName: string };
}

export const offerCalls = {
  'offer.list': call<OfferView[]>()(emptyInput, 'cashier'),
  'offer.participants': call<ParticipantView[]>()(
    z.object({ offerId: z.string().min(1).max(64) }).strict(),
    'cashier',
  ),
  'offer.checkin': call<CheckinOutcome>()(
    z.object({ offerId: z.string().min(1).max(64), text: scanTextSchema.min(1) }).strict(),
    'cashier',
  ),
};
