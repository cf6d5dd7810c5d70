// A Region answer to a bons-plans check-in, as a journal entry (shared by the desk and the outbox).
// Only the pseudonymous beneficiary id enters the chain; names stay out of it.
import type { AppendInput } from '../journal/journal';
import type { RegionOutcome } from '../region/client';

export function checkinAnswerEntry(
  checkinId: string,
  offerId: string,
  answer: RegionOutcome<{ participant: { beneficiaryId: string; status: string } }>,
  cashierId: string | null = null,
): AppendInput | null {
  if (answer.kind === 'ok') {
    return {
      kind: 'CHECKIN_RECORDED',
      cashierId,
      payload: { checkinId, offerId, beneficiaryId: answer.value.participant.beneficiaryId },
    };
  }
  if (answer.kind === 'refused')
    return { kind: 'CHECKIN_REFUSED', cashierId, payload: { checkinId, offerId, code: answer.code } };
  return null;
}
