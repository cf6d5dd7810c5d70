// The proof every engine test ends with: the Region's ledger and the till's journal say the same thing.
import type { Journal } from '../../main/journal/journal';
import type { LedgerItem } from '../support/region-server';

/** Differences between the journal's debits and the Region's ledger for this partner (empty when they agree). */
export function ledgerDifferences(journal: Journal, ledger: readonly LedgerItem[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, LedgerItem>();
  for (const item of ledger) {
    if (byId.has(item.id)) problems.push(`duplicate in the ledger: ${item.id}`);
    byId.set(item.id, item);
  }
  const seqs = new Set<number>();
  for (const item of ledger) {
    if (seqs.has(item.deviceSeq)) problems.push(`two ledger debits with device seq ${item.deviceSeq}`);
    seqs.add(item.deviceSeq);
  }
  const states = journal.debits.list({});
  const known = new Set(states.map((s) => s.debitId));
  for (const s of states) {
    const item = byId.get(s.debitId);
    switch (s.status) {
      case 'accepted':
        if (!item) problems.push(`accepted here, missing at the Region: ${s.debitId}`);
        else if (
          item.status !== 'accepted' ||
          item.amountCents !== s.amountCents ||
          item.deviceSeq !== s.requestSeq
        ) {
          problems.push(
            `differs: ${s.debitId} here accepted ${s.amountCents} #${s.requestSeq}, Region ${item.status} ${item.amountCents} #${item.deviceSeq}`,
          );
        }
        break;
      case 'voided':
        if (item && item.status !== 'voided')
          problems.push(`voided here, ${item.status} at the Region: ${s.debitId}`);
        break;
      case 'refused':
        if (item) problems.push(`refused here, ${item.status} at the Region: ${s.debitId}`);
        break;
      default:
        problems.push(`still awaiting the Region (${s.status}): ${s.debitId}`);
    }
  }
  for (const item of ledger)
    if (!known.has(item.id)) problems.push(`at the Region, unknown here: ${item.id}`);
  return problems;
}
