// What the cashier hears at the counter, without looking: a pass that could not be read (scan it again),
// a refusal, or a paid sale.
import type { DebitStatus } from '../../../../preload/contract';
import type { Beep } from '../../sound/beeps';
import { isPaid } from '../../../../preload/contract/debit';

const UNREADABLE = new Set(['TOKEN_INVALID', 'INPUT_INVALID', 'SCAN_UNKNOWN']);

/** A scan refused: a code that means "not read" asks for another scan, the others are a refusal. */
export const scanRefusedBeep = (code: string): Beep => (UNREADABLE.has(code) ? 'unreadable' : 'refused');

/** A sale's outcome: paid (online or offline), refused, or not known yet. */
export function saleBeep(status: DebitStatus): Beep {
  if (isPaid(status)) return 'accepted';
  return status === 'refused' ? 'refused' : 'unreadable';
}
