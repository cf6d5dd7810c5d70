// What `KeyboardEvent.key` says when a US-layout scanner presses a physical key while the OS uses
// another layout: the keys a French (AZERTY) or German (QWERTZ) counter's till really receives.

export type Layout = 'us' | 'azerty' | 'qwertz';

const US_BY_CHAR = new Map<string, { code: string; shift: boolean }>();
for (let i = 0; i < 26; i++) {
  const c = String.fromCharCode(97 + i);
  US_BY_CHAR.set(c, { code: `Key${c.toUpperCase()}`, shift: false });
  US_BY_CHAR.set(c.toUpperCase(), { code: `Key${c.toUpperCase()}`, shift: true });
}
'1234567890'.split('').forEach((d, i) => {
  US_BY_CHAR.set(d, { code: `Digit${d}`, shift: false });
  US_BY_CHAR.set('!@#$%^&*()'[i] as string, { code: `Digit${d}`, shift: true });
});
for (const [code, plain, shifted] of [
  ['Space', ' ', ' '],
  ['Minus', '-', '_'],
  ['Equal', '=', '+'],
  ['Semicolon', ';', ':'],
  ['Period', '.', '>'],
  ['Slash', '/', '?'],
  ['Comma', ',', '<'],
] as const) {
  US_BY_CHAR.set(plain, { code, shift: false });
  if (!US_BY_CHAR.has(shifted)) US_BY_CHAR.set(shifted, { code, shift: true });
}

/** The physical key and Shift a US-layout scanner uses for a character. */
export function usKeyFor(char: string): { code: string; shift: boolean } {
  const k = US_BY_CHAR.get(char);
  if (!k) throw new Error(`no US key for ${JSON.stringify(char)}`);
  return k;
}

const AZERTY: Record<string, [string, string]> = {
  Digit1: ['&', '1'],
  Digit2: ['é', '2'],
  Digit3: ['"', '3'],
  Digit4: ["'", '4'],
  Digit5: ['(', '5'],
  Digit6: ['-', '6'],
  Digit7: ['è', '7'],
  Digit8: ['_', '8'],
  Digit9: ['ç', '9'],
  Digit0: ['à', '0'],
  KeyQ: ['a', 'A'],
  KeyA: ['q', 'Q'],
  KeyW: ['z', 'Z'],
  KeyZ: ['w', 'W'],
  KeyM: [',', '?'],
  Semicolon: ['m', 'M'],
  Minus: [')', '°'],
  Equal: ['=', '+'],
  Comma: [';', '.'],
  Period: [':', '/'],
  Slash: ['!', '§'],
  Space: [' ', ' '],
};

const QWERTZ: Record<string, [string, string]> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '"'],
  Digit3: ['3', '§'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '&'],
  Digit7: ['7', '/'],
  Digit8: ['8', '('],
  Digit9: ['9', ')'],
  Digit0: ['0', '='],
  KeyY: ['z', 'Z'],
  KeyZ: ['y', 'Y'],
  Semicolon: ['ö', 'Ö'],
  Minus: ['ß', '?'],
  Equal: ['´', '`'],
  Comma: [',', ';'],
  Period: ['.', ':'],
  Slash: ['-', '_'],
  Space: [' ', ' '],
};

/** The `key` value the OS layout gives for a physical key; Caps Lock flips letters as it does on screen. */
export function keyValue(layout: Layout, code: string, shift: boolean, capsLock = false): string {
  const table = layout === 'azerty' ? AZERTY : layout === 'qwertz' ? QWERTZ : {};
  const entry = table[code];
  let key: string;
  if (entry) key = entry[shift ? 1 : 0];
  else if (code.startsWith('Key')) key = shift ? code.slice(3) : code.slice(3).toLowerCase();
  else if (code.startsWith('Digit')) key = code.slice(5);
  else throw new Error(`no ${layout} key for ${code}`);
  if (capsLock && /^\p{L}$/u.test(key)) key = shift ? key.toLowerCase() : key.toUpperCase();
  return key;
}
