// Child process of main/journal/crash.e2e.test.ts: appends sales as fast as it can and prints each acknowledged seq
// (after append() returned, i.e. after the commit), until it is killed.
import { openJournal } from '../../main/journal/journal';

const [path, prefix] = process.argv.slice(2);
if (!path || !prefix) throw new Error('usage: crash-child <journal> <debit-id-prefix>');
const journal = openJournal(path);
for (let i = 0; ; i += 1) {
  const debitId = `${prefix}-${i}`;
  const occurredAt = new Date().toISOString();
  const requested = journal.append({
    kind: 'DEBIT_REQUESTED',
    cashierId: 'c1',
    payload: {
      debitId,
      category: 'CINEMA',
      item: 'SEANCE',
      priceCents: 900,
      amountCents: 500,
      mode: 'online',
      jti: `jti-${debitId}`,
      beneficiaryId: 'b',
      occurredAt,
      tokenExp: 1,
    },
  });
  process.stdout.write(`ack ${requested.seq} ${debitId}\n`);
  const [accepted] = journal.appendAll([
    { kind: 'DEBIT_ACCEPTED', payload: { debitId, walletBalanceCents: 100, acceptedAt: occurredAt } },
  ]);
  process.stdout.write(`ack ${accepted!.seq} ${debitId}\n`);
}
