// Where a debit's result is shown (a sale's outcome, a coupon's redemption): announced as a status, and
// marked with the debit and its status for the receipt, the tests and the outcome's colours.
import type { KeyboardEvent, ReactNode } from 'react';
import type { DebitOutcome } from '../../../preload/contract';

interface Props {
  outcome: Pick<DebitOutcome, 'status' | 'debitId'>;
  /** The id of the heading that names the result. */
  labelledBy: string;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  children: ReactNode;
}

export function OutcomeSection({ outcome, labelledBy, onKeyDown, children }: Props) {
  return (
    <section
      className={`outcome outcome-${outcome.status}`}
      role="status"
      data-status={outcome.status}
      data-debit-id={outcome.debitId}
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
    >
      {children}
    </section>
  );
}
