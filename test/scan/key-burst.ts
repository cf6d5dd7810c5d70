// A keyboard-wedge scanner as Chromium sees it: trusted key events (CDP Input.dispatchKeyEvent) whose `key`
// values are what the OS layout (AZERTY, QWERTZ…) produces for a US-configured scanner's key presses,
// each stamped with the time the scanner made it. Shared by the wedge tests and the scan bench.
import type { CDPSession } from 'playwright-core';
import { keyValue, usKeyFor, type Layout } from './keyboard-layouts';

const SHIFT = 8;

type KeyEvent = NonNullable<Parameters<CDPSession['send']>[1]> & { type: string };

function pressEvents(code: string, key: string, shift: boolean, text: string): KeyEvent[] {
  const vk = code.startsWith('Key')
    ? code.charCodeAt(3)
    : code.startsWith('Digit')
      ? code.charCodeAt(5)
      : code === 'Enter'
        ? 13
        : code === 'Space'
          ? 32
          : 0;
  const base = { code, key, modifiers: shift ? SHIFT : 0, windowsVirtualKeyCode: vk };
  const shiftKey = { code: 'ShiftLeft', key: 'Shift', windowsVirtualKeyCode: 16 };
  return [
    ...(shift ? [{ type: 'rawKeyDown' as const, ...shiftKey, modifiers: SHIFT }] : []),
    { type: 'keyDown', ...base, text, unmodifiedText: text },
    { type: 'keyUp', ...base },
    ...(shift ? [{ type: 'keyUp' as const, ...shiftKey, modifiers: 0 }] : []),
  ];
}

/**
 * Types `text` then Enter as a US-configured scanner would on a machine using `layout`, one key every
 * `gapMs` (a scanner: 3 ms; a person: 90 ms and more). Each event carries the time the scanner (or the
 * person) made it, as an OS keyboard event does: CDP itself delivers events in irregular batches, and
 * the page must judge the typist's rhythm, not the test driver's.
 */
export async function typeBurst(
  cdp: CDPSession,
  layout: Layout,
  text: string,
  opts: { gapMs?: number; capsLock?: boolean } = {},
): Promise<void> {
  const gapMs = opts.gapMs ?? 3;
  const keys = [...text].map((char) => {
    const { code, shift } = usKeyFor(char);
    const key = keyValue(layout, code, shift, opts.capsLock);
    return pressEvents(code, key, shift, key);
  });
  keys.push(pressEvents('Enter', 'Enter', false, '\r'));
  const start = Date.now() / 1000;
  const sends: Array<Promise<unknown>> = [];
  keys.forEach((events, i) => {
    for (const e of events)
      sends.push(
        cdp.send('Input.dispatchKeyEvent', { ...e, timestamp: start + (i * gapMs) / 1000 } as never),
      );
  });
  await Promise.all(sends);
}
