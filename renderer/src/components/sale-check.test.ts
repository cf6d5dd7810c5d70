import { describe, expect, it } from 'vitest';
import { saleCheck } from './sale-check';

describe('saleCheck: the split line before Enter', () => {
  it.each([
    [
      'nothing typed yet',
      { priceCents: null, amountCents: null, balanceCents: 2000 },
      { split: null, problem: null },
    ],
    [
      'a partial part',
      { priceCents: 950, amountCents: 700, balanceCents: 2000 },
      { split: { atoutsCents: 700, restCents: 250 }, problem: null },
    ],
    [
      'the whole price',
      { priceCents: 400, amountCents: 400, balanceCents: 400 },
      { split: { atoutsCents: 400, restCents: 0 }, problem: null },
    ],
    // The case: 15,00 typed against a 13,00 € balance names the maximum at once.
    [
      'above the balance',
      { priceCents: 2000, amountCents: 1500, balanceCents: 1300 },
      { split: null, problem: { code: 'INSUFFICIENT_BALANCE', params: { balanceCents: 1300 } } },
    ],
    [
      'above the price',
      { priceCents: 1200, amountCents: 1500, balanceCents: 2000 },
      { split: null, problem: { code: 'AMOUNT_INVALID' } },
    ],
    [
      'a zero part',
      { priceCents: 1200, amountCents: 0, balanceCents: 2000 },
      { split: null, problem: { code: 'AMOUNT_INVALID' } },
    ],
  ])('%s', (_name, figures, expected) => {
    expect(saleCheck(figures)).toEqual(expected);
  });
});
