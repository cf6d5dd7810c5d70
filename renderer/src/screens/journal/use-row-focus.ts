// The journal's list is one Tab stop (roving tabindex): arrows, Page Up/Down, Home and End move between
// rows, Enter or Space opens one, and Up from the first row goes back to the search box.
import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface RowFocus {
  /** The row that holds the list's Tab stop (the last one focused, within the rows there are). */
  readonly current: number;
  readonly rowRefs: RefObject<(HTMLTableRowElement | null)[]>;
  setActive(index: number): void;
  focusRow(index: number): void;
  onRowKey(e: KeyboardEvent<HTMLTableRowElement>, index: number, open: () => void): void;
}

export function useRowFocus(count: number, onAboveFirst: () => void): RowFocus {
  const [active, setActive] = useState(0);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const current = Math.min(active, Math.max(0, count - 1));
  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(count - 1, i));
    setActive(next);
    rowRefs.current[next]?.focus();
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number, open: () => void) => {
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: count - 1,
      PageDown: i + 10,
      PageUp: i - 10,
    };
    if (e.key in moves) {
      e.preventDefault();
      if (e.key === 'ArrowUp' && i === 0) onAboveFirst();
      else focusRow(moves[e.key] ?? i);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  return { current, rowRefs, setActive, focusRow, onRowKey };
}
