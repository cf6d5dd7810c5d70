// What the journal screen asks for (its filters, as journal.list takes them) and what it then narrows by
// the search box, in the page.
import { CATEGORIES, type Category } from '../../../../protocol/catalogue';
import type { CallInput, DebitStatus, JournalDebitRow, JournalListView } from '../../../../preload/contract';

export const STATUSES: DebitStatus[] = ['accepted', 'offline_accepted', 'refused', 'pending', 'voided'];

export interface Filters {
  fromDay: string;
  toDay: string;
  category: Category | '';
  cashierId: string;
  status: DebitStatus | '';
}

/** The filters as journal.list takes them: an empty field is no filter. */
export function listInput(f: Filters): CallInput<'journal.list'> {
  return {
    ...(f.fromDay ? { fromDay: f.fromDay } : {}),
    ...(f.toDay ? { toDay: f.toDay } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.cashierId ? { cashierId: f.cashierId } : {}),
    ...(f.status ? { status: f.status } : {}),
    limit: 500,
  };
}

/** The categories worth a line: the partner's accreditations, and any other that still has payments. */
export function shownCategories(
  accreditations: readonly Category[],
  totals: JournalListView['totals'] = [],
): Category[] {
  return CATEGORIES.filter(
    (c) => accreditations.includes(c) || totals.some((tot) => tot.category === c && tot.count > 0),
  );
}

/** Whether a row matches what was typed in the search box: a name, a sequence number or an amount. */
export function matches(row: JournalDebitRow, needle: string, money: (c: number) => string): boolean {
  const n = needle.trim().toLocaleLowerCase('fr');
  if (!n) return true;
  const hay = [row.holderName ?? '', String(row.deviceSeq), money(row.amountCents), money(row.priceCents)]
    .join(' ')
    .toLocaleLowerCase('fr');
  return hay.includes(n) || hay.replace(/\s/g, '').includes(n.replace(/\s/g, ''));
}
