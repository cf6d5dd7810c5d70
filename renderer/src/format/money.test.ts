import { describe, expect, it } from 'vitest';
import { centsToInput, formatCents, parseEuros } from './money';

describe('money as the cashier types it', () => {
  it.each([
    ['9,50', 950],
    ['9.5', 950],
    ['9', 900],
    ['9 €', 900],
    ['0,07', 7],
    [' 12,00 ', 1200],
    ['', null],
    ['9,505', null],
    ['-3', null],
    ['1e3', null],
    ['abc', null],
  ])('parseEuros(%j) = %j', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it('formats French euros', () => {
    expect(formatCents(250).replace(/\s/g, ' ')).toBe('2,50 €');
    expect(centsToInput(700)).toBe('7,00');
  });
});
