// The outbox's sliding window against the real reference Region server: a backlog goes out with many
// requests on the wire, yet the journal records the answers in request order; a failure stops new
// launches at once, the answers already on the wire are recorded, and the rest waits for the next pass.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY } from '../../main/outbox/outbox';
import { mintPasses, OFFLINE_PASSES, queueOfflineDebits } from '../support/offline-queue';
import { regionForTests } from '../support/region-for-tests';
import { engineForTests } from './engine-for-tests';
import { ledgerOf } from './engine-fixture';
import { ledgerDifferences } from './ledger-match';

const region = regionForTests({
  offlinePolicy: { enabled: true, floorLimitCents: 1500, maxOfflineHours: 24 },
});
// The background loop sleeps: the test runs the passes itself.
const f = engineForTests(region, {
  accreditations: ['CINEMA'],
  till: { outbox: { idleMs: 3_600_000, backoff: { baseMs: 20, maxMs: 100 } } },
});

const answeredOrder = () =>
  f.till.journal.list({ kinds: ['DEBIT_ACCEPTED', 'DEBIT_REFUSED'] }).map((e) => String(e.payload.debitId));

describe('the outbox window', () => {
  it('sends a backlog of 300 with the window full and records every answer in request order', async () => {
    const ids = queueOfflineDebits(
      f.till,
      f.dataDir,
      await mintPasses(region.admin, 300, { tag: 'W', ...OFFLINE_PASSES }),
    );
    const report = await f.till.outbox.runPass();
    expect(report).toEqual({ answered: 300, blocked: null });
    expect(answeredOrder()).toEqual(ids);
    expect(f.till.journal.debits.list({ status: 'accepted' })).toHaveLength(300);
    expect(ledgerDifferences(f.till.journal, await ledgerOf(region, f.partnerId))).toEqual([]);
    expect(f.till.journal.verify().ok).toBe(true);
  });

  it('stops launching at the first failure, records what was on the wire, and sends the rest later', async () => {
    const before = answeredOrder().length;
    const ids = queueOfflineDebits(
      f.till,
      f.dataDir,
      await mintPasses(region.admin, 300, { tag: 'X', ...OFFLINE_PASSES }),
    );
    await region.admin.setFaults({ errorRate: 0.5 });
    const report = await f.till.outbox.runPass();
    expect(report.blocked).not.toBeNull();
    // At most one window beyond the first failure (the chance that 32 requests in a row pass is 2^-32).
    expect(report.answered).toBeLessThan(2 * DEFAULT_CONCURRENCY);
    expect(f.till.outbox.remaining()).toBe(300 - report.answered);
    // What was answered is recorded in request order, whatever the gaps the failures left.
    const firstPass = answeredOrder().slice(before);
    expect(firstPass).toEqual(ids.filter((id) => firstPass.includes(id)));
    await region.admin.setFaults({});
    expect(await f.till.outbox.drain({ timeoutMs: 30_000, maxPauseMs: 50 })).toBe(0);
    expect(f.till.journal.debits.list({ status: 'accepted' })).toHaveLength(600);
    expect(ledgerDifferences(f.till.journal, await ledgerOf(region, f.partnerId))).toEqual([]);
  });
});
