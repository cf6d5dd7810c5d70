// Exactly once under faults: 5xx answers and connections dropped after the Region committed. Whatever
// the cashier saw, after the outbox drains the Region's ledger equals the journal: nothing lost,
// nothing twice, and no unknown outcome ever shown as a refusal.
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';
import { engineForTests } from './engine-for-tests';
import { cinemaSeat, engineFixture, ledgerOf, type EngineFixture } from './engine-fixture';
import type { Faults } from '../support/region-server';
import { ledgerDifferences } from './ledger-match';

const region = regionForTests();
const f = engineForTests(region);

/** A cinema seat sold to a new youth while the Region has those faults: what the till answers. */
async function seatUnderFaults(fixture: EngineFixture, faults: Faults, amountCents = 500) {
  const scan = await fixture.scanNewYouth();
  await region.admin.setFaults(faults);
  return fixture.call('debit.submit', cinemaSeat(scan.scanId, 900, amountCents));
}

describe('debits under injected faults', () => {
  it('drop-after-commit and 5xx end with the ledger equal to the journal', async () => {
    const scans = [];
    for (let i = 0; i < 16; i += 1) scans.push(await f.scanNewYouth());
    await region.admin.setFaults({ errorRate: 0.3, dropAfterCommitRate: 0.4 });
    const statuses: string[] = [];
    for (const scan of scans) {
      const outcome = await f.call('debit.submit', {
        scanId: scan.scanId,
        category: 'SPECTACLE',
        item: 'PLACE',
        priceCents: 1500,
        amountCents: 1000,
      });
      statuses.push(outcome.status);
      // An answer the till never got is never a refusal.
      expect(outcome.status === 'accepted' || outcome.status === 'pending').toBe(true);
    }
    expect(await f.till.outbox.drain({ timeoutMs: 30_000, maxPauseMs: 50 })).toBe(0);
    await region.admin.setFaults({});
    const ledger = await ledgerOf(region, f.partnerId);
    expect(ledgerDifferences(f.till.journal, ledger)).toEqual([]);
    expect(ledger.filter((d) => d.status === 'accepted')).toHaveLength(16);
    expect(f.till.journal.verify().ok).toBe(true);
    // Each youth paid once: 30 € - 10 €.
    const youth = await region.admin.beneficiary(scans[0]!.beneficiaryId);
    expect(youth.wallets.find((w) => w.wallet === 'SPECTACLE')?.balanceCents).toBe(2000);
  });

  it('a pending debit resent after a restart keeps its UUID and body, and lands once', async () => {
    const outcome = await seatUnderFaults(f, { dropAfterCommitRate: 1 }, 700);
    expect(outcome.status).toBe('pending');
    expect(f.till.status().pendingCount).toBeGreaterThan(0);
    await f.reopen({ outbox: { backoff: { baseMs: 20, maxMs: 100 }, idleMs: 60_000 } });
    await region.admin.setFaults({});
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect((await f.call('debit.get', { debitId: outcome.debitId })).status).toBe('accepted');
    const ledger = await ledgerOf(region, f.partnerId);
    expect(ledger.filter((d) => d.id === outcome.debitId)).toHaveLength(1);
    expect(ledgerDifferences(f.till.journal, ledger)).toEqual([]);
  });

  it('records a 5xx as unknown, never as a refusal, and sends it again', async () => {
    const outcome = await seatUnderFaults(f, { errorRate: 1 });
    expect(outcome.status).toBe('pending');
    const kinds = f.till.journal.list({ fromSeq: outcome.deviceSeq }).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'DEBIT_REFUSED')).toEqual([]);
    expect(kinds).toContain('DEBIT_UNKNOWN');
    await region.admin.setFaults({});
    expect(await f.till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    expect((await f.call('debit.get', { debitId: outcome.debitId })).status).toBe('accepted');
  });

  it('reconciles with the Region once the background outbox has synced what was pending', async () => {
    // A till of its own: no earlier reconciliation whose unchanged result would not be recorded again.
    const own = await engineFixture(region);
    try {
      const outcome = await seatUnderFaults(own, { errorRate: 1 });
      expect(outcome.status).toBe('pending');
      expect(own.till.journal.list({ kinds: ['RECONCILED'] })).toEqual([]);
      await region.admin.setFaults({});
      // Nobody calls reconcile.run: the background outbox sends the debit, then reconciles by itself.
      await expect
        .poll(() => own.till.journal.list({ kinds: ['RECONCILED'] }).length, { timeout: 30_000 })
        .toBeGreaterThan(0);
      expect((await own.call('debit.get', { debitId: outcome.debitId })).status).toBe('accepted');
    } finally {
      own.close();
    }
  });
});
