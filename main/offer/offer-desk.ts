// Bons plans at the door: the organising partner lists its offers and participants and checks people
// in by scanning their pass. A check-in is a journal fact like a debit: requested (durable) before the
// Region hears of it, then recorded or refused; an unknown outcome stays pending and the outbox resends
// the same id, which the Region answers with the first check-in.
import { randomUUID } from 'node:crypto';
import { decodeToken } from '../../protocol/pass-token';
import type { CheckinOutcome, OfferView, ParticipantView } from '../../preload/contract';
import type { Journal } from '../journal/journal';
import type { RegionClient, RegionOutcome } from '../region/client';
import type { Outbox } from '../outbox/outbox';
import type { RequestStore } from '../outbox/request-store';
import { asErrorCode } from '../debit/outcome-view';
import { regionFailure } from '../debit/region-failure';
import { checkinAnswerEntry } from '../outbox/checkin-answer';

export interface OfferDeskDeps {
  journal: Journal;
  store: RequestStore;
  outbox: Outbox;
  region: () => RegionClient;
  now: () => number;
  observe: <T>(outcome: RegionOutcome<T>) => RegionOutcome<T>;
}

export class OfferDesk {
  constructor(private readonly deps: OfferDeskDeps) {}

  async list(): Promise<OfferView[]> {
    const answer = this.deps.observe(await this.deps.region().offers());
    if (answer.kind !== 'ok') throw regionFailure(answer);
    return answer.value;
  }

  async participants(offerId: string): Promise<ParticipantView[]> {
    const answer = this.deps.observe(await this.deps.region().participants(offerId));
    if (answer.kind !== 'ok') throw regionFailure(answer);
    return answer.value;
  }

  async checkin(offerId: string, text: string, cashierId: string): Promise<CheckinOutcome> {
    const decoded = decodeToken(text.trim());
    if (!decoded.ok) return { status: 'refused', code: decoded.code };
    if (decoded.token.kind !== 'pass') return { status: 'refused', code: 'TOKEN_INVALID' };
    const { journal, store, outbox } = this.deps;
    const region = this.deps.region();
    const checkinId = randomUUID();
    const occurredAt = new Date(this.deps.now()).toISOString();
    const token = text.trim();
    // The request body first, then the fact: a crash between leaves an orphan row, never an entry that cannot be sent.
    store.putCheckin(checkinId, { offerId, token, occurredAt });
    journal.append({
      kind: 'CHECKIN_REQUESTED',
      cashierId,
      at: occurredAt,
      payload: { checkinId, offerId, beneficiaryId: decoded.token.claims.sub },
    });
    outbox.claim(checkinId);
    let answer;
    try {
      answer = this.deps.observe(await region.checkin(offerId, { id: checkinId, token, occurredAt }));
    } finally {
      outbox.release(checkinId);
    }
    const entry = checkinAnswerEntry(checkinId, offerId, answer, cashierId);
    // The name the pass carries, for the door to say who is refused or waiting (display only: the Region decides).
    const holder = { givenName: decoded.token.claims.givenName, familyName: decoded.token.claims.familyName };
    if (!entry) {
      outbox.kick();
      return { status: 'pending', holder };
    }
    journal.append(entry);
    store.forget(checkinId);
    if (answer.kind === 'ok') return { status: 'checked_in', participant: answer.value.participant };
    return {
      status: 'refused',
      holder,
      ...(answer.kind === 'refused' ? { code: asErrorCode(answer.code) ?? 'VALIDATION_FAILED' } : {}),
    };
  }
}
