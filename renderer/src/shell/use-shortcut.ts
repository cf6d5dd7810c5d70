import { useEffect, useRef } from 'react';

/**
 * Alt+letter runs `action` while the calling component is mounted. Our own listener rather than the
 * accesskey attribute, whose modifiers differ by browser and OS; matched on the physical key too, so an
 * AZERTY or a Mac Option layer does not change the shortcut printed on the button.
 */
export function useAltShortcut(letter: string, action: () => void, enabled = true): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (!enabled) return;
    const lower = letter.toLowerCase();
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key.toLowerCase() !== lower && e.code !== `Key${lower.toUpperCase()}`) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [letter, enabled]);
}
