import { useEffect, useRef } from 'react';
import type { Tariff } from '../../../preload/contract';
import { tariffForKey } from './TariffPicker';

/**
 * Number keys pick a tariff wherever the focus is (the page, a button, the form), except in a field that
 * takes digits: the cashier's key must not depend on where the last screen left the focus.
 */
export function useTariffKeys(tariffs: readonly Tariff[], onChoose: (tariff: Tariff) => void): void {
  const choose = useRef(onChoose);
  choose.current = onChoose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement;
      const tariff =
        typing || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented
          ? undefined
          : tariffForKey(tariffs, e.key);
      if (tariff) {
        e.preventDefault();
        choose.current(tariff);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tariffs]);
}
