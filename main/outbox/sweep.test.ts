// The start-up sweep against real files: the rows a crash or a power cut left behind go, what the outbox
// still has to send stays, and check-ins (whose row is their pending mark) are never touched.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { debitRequested } from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';
import { openRequestStore, REQUEST_STORE_FILE, type RequestStore } from './request-store';
import { sweepSettledRequests } from './sweep';

let store: RequestStore;
afterEach(() => store?.close());

const voidBody = (debitId: string) => ({
  debitId,
  reason: 'erreur',
  occurredAt: '2026-03-10T10:05:00.000Z',
  cashierId: 'm1',
});

describe('sweepSettledRequests', () => {
  it('keeps what awaits the Region and removes what is settled or unknown to the journal', () => {
    const t = journalForTest();
    store = openRequestStore(join(t.dir, REQUEST_STORE_FILE));
    const j = t.journal;
    // pending: sent, no answer yet. settled: answered, its deletion lost. orphan: the crash came before its intent.
    for (const id of ['pending', 'settled', 'voiding', 'voided']) {
      store.putToken(id, `token-${id}`);
      j.append({ kind: 'DEBIT_REQUESTED', cashierId: 'c1', payload: debitRequested({ debitId: id }) });
    }
    store.putToken('orphan', 'token-orphan');
    for (const id of ['settled', 'voiding', 'voided'])
      j.append({
        kind: 'DEBIT_ACCEPTED',
        payload: { debitId: id, walletBalanceCents: 1500, acceptedAt: '2026-03-10T10:00:02.000Z' },
      });
    store.putVoid('v-voiding', voidBody('voiding'));
    j.append({
      kind: 'VOID_REQUESTED',
      cashierId: 'm1',
      payload: { debitId: 'voiding', voidId: 'v-voiding', reason: 'OTHER' },
    });
    store.putVoid('v-voided', voidBody('voided'));
    j.append({
      kind: 'VOID_REQUESTED',
      cashierId: 'm1',
      payload: { debitId: 'voided', voidId: 'v-voided', reason: 'OTHER' },
    });
    j.append({
      kind: 'DEBIT_VOIDED',
      payload: { debitId: 'voided', voidId: 'v-voided', walletBalanceCents: 2000 },
    });
    store.putCheckin('k1', { offerId: 'o1', token: 'token-k1', occurredAt: '2026-03-10T10:00:00.000Z' });

    expect(sweepSettledRequests(j, store)).toEqual({ tokens: 3, voids: 1 });
    expect(store.ids('token')).toEqual(['pending', 'voiding']);
    expect(store.ids('void')).toEqual(['v-voiding']);
    expect(store.ids('checkin')).toEqual(['k1']);
    expect(store.token('orphan')).toBeUndefined();
    // Nothing more to sweep the second time.
    expect(sweepSettledRequests(j, store)).toEqual({ tokens: 0, voids: 0 });
  });
});
