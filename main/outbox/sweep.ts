// At start-up, before the outbox runs: the request store's token and void rows no debit still needs.
// The store and the journal are two files, so a crash between their writes leaves such rows behind: after
// a token is saved but before the debit's intent is written (the journal never heard of that debit), or
// after the Region's answer is in the journal but before the row is deleted. A token holds a youth's
// name: it must not outlive its use.
import type { Journal } from '../journal/journal';
import type { RequestStore } from './request-store';

export interface SweepReport {
  tokens: number;
  voids: number;
}

export function sweepSettledRequests(journal: Journal, store: RequestStore): SweepReport {
  const awaiting = journal.debits.awaitingRegion();
  const neededTokens = new Set(awaiting.map((s) => s.debitId));
  const neededVoids = new Set(
    awaiting.flatMap((s) => (s.status === 'void_pending' && s.voidId ? [s.voidId] : [])),
  );
  const tokens = store.ids('token').filter((id) => !neededTokens.has(id));
  const voids = store.ids('void').filter((id) => !neededVoids.has(id));
  if (tokens.length + voids.length > 0) store.forget(...tokens, ...voids);
  return { tokens: tokens.length, voids: voids.length };
}
