// Which months are closed: what debits, coupons and voids ask before they touch a month, and what the
// statements freeze. Its own module so statements (which list debits) and debits (which ask about the
// month) do not import each other.
import { parisMonth } from '../../protocol/paris-time';
import type { Region } from './region';

export function isMonthClosed(region: Region, month: string): boolean {
  return region.db.prepare('SELECT 1 FROM months WHERE month = ?').get(month) !== undefined;
}

/** The month of that instant when its statement is closed, else null. */
export function closedMonthOf(region: Region, instantMs: number): string | null {
  const month = parisMonth(instantMs);
  return isMonthClosed(region, month) ? month : null;
}
