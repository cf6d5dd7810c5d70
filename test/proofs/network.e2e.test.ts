// The network proof's short variant (300 debits, two restarts); the long one is
// `npm run proof:network -- --debits 10000`. See test/proofs/network-proof.ts.
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { runNetworkProof } from './network-proof';

const region = regionForTests();

describe('network proof (short)', () => {
  it('300 debits through 20 % 5xx, 10 % lost answers, random latency and two restarts: the ledger equals the journal', async () => {
    const report = await runNetworkProof(region, { debits: 300 });
    expect(report.problems).toEqual([]);
    expect(report.restarts).toBe(2);
    expect(report.journalAccepted).toBe(report.ledgerDebits);
    // The faults really bit: some debits were left pending and settled by the outbox.
    expect(report.outcomes.accepted ?? 0).toBeGreaterThan(0);
    expect(report.ledgerDebits).toBeGreaterThan(200);
  }, 600_000);
});
