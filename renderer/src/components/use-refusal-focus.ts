// Where a refusal sends the cashier in the sale form: back to the field it is about, its text selected to be
// typed over.
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { ErrorCode, TillErrorValue } from '../../../preload/contract';
import type { TillCall } from '../use-call';

/** Which field a refusal sends the cashier back to. */
const FIELD_FOR_CODE: Partial<Record<ErrorCode, 'amount' | 'item' | 'category' | 'price'>> = {
  INSUFFICIENT_BALANCE: 'amount',
  AMOUNT_INVALID: 'amount',
  OFFLINE_LIMIT_EXCEEDED: 'amount',
  ITEM_NOT_ELIGIBLE: 'item',
  NOT_ACCREDITED: 'category',
  INPUT_INVALID: 'price',
};

export interface SaleFieldRefs {
  amount: RefObject<HTMLInputElement | null>;
  category: RefObject<HTMLSelectElement | null>;
  price: RefObject<HTMLInputElement | null>;
}

/**
 * The form's own checks refuse through the function returned, naming the field themselves; a refusal from
 * the till goes to the field its code names, in the commit that shows its banner.
 */
export function useRefusalFocus(
  { error, setError }: Pick<TillCall, 'error' | 'setError'>,
  refs: SaleFieldRefs,
): (problem: TillErrorValue, field: ErrorCode) => void {
  const refusedHere = useRef<TillErrorValue | null>(null);
  const focusField = (code: ErrorCode) => {
    const field = FIELD_FOR_CODE[code];
    const target =
      field === 'amount'
        ? refs.amount.current
        : field === 'category'
          ? refs.category.current
          : field === 'price'
            ? refs.price.current
            : null;
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  };
  useLayoutEffect(() => {
    if (error && error !== refusedHere.current) focusField(error.code);
  }, [error]);
  return (problem, field) => {
    refusedHere.current = problem;
    setError(problem);
    focusField(field);
  };
}
