// Characters a US-layout keyboard types, by physical key (KeyboardEvent.code). Scanners type with this
// table whatever layout the OS uses, so reading `code` instead of `key` undoes AZERTY, QWERTZ and Caps Lock.

const letters: Array<[string, string, string]> = Array.from({ length: 26 }, (_, i) => {
  const c = String.fromCharCode(97 + i);
  return [`Key${c.toUpperCase()}`, c, c.toUpperCase()];
});
const digits: Array<[string, string, string]> = Array.from('1234567890', (d, i) => [
  `Digit${d}`,
  d,
  '!@#$%^&*()'[i] as string,
]);

const US_KEYS: ReadonlyMap<string, readonly [string, string]> = new Map(
  (
    [
      ...letters,
      ...digits,
      ['Space', ' ', ' '],
      ['Minus', '-', '_'],
      ['Equal', '=', '+'],
      ['BracketLeft', '[', '{'],
      ['BracketRight', ']', '}'],
      ['Backslash', '\\', '|'],
      ['Semicolon', ';', ':'],
      ['Quote', "'", '"'],
      ['Backquote', '`', '~'],
      ['Comma', ',', '<'],
      ['Period', '.', '>'],
      ['Slash', '/', '?'],
      ['NumpadDivide', '/', '/'],
      ['NumpadMultiply', '*', '*'],
      ['NumpadSubtract', '-', '-'],
      ['NumpadAdd', '+', '+'],
      ['NumpadDecimal', '.', '.'],
      ...Array.from({ length: 10 }, (_, i): [string, string, string] => [`Numpad${i}`, String(i), String(i)]),
    ] as Array<[string, string, string]>
  ).map(([code, plain, shifted]) => [code, [plain, shifted] as const]),
);

/** The character for a physical key and Shift state on a US layout; undefined for non-character keys. */
export function usCharForCode(code: string, shift: boolean): string | undefined {
  const pair = US_KEYS.get(code);
  return pair ? pair[shift ? 1 : 0] : undefined;
}
