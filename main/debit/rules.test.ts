import { describe, expect, it } from 'vitest';
import { parisWallToInstant } from '../../protocol/paris-time';
import { firstRefusal, type DebitFacts } from './rules';

const now = parisWallToInstant(2025, 10, 3, 20, 0, 0);
const base: DebitFacts = {
  accreditations: ['CINEMA'],
  category: 'CINEMA',
  item: 'SEANCE',
  priceCents: 950,
  amountCents: 700,
  balanceCents: 2000,
  membership: 'active',
  season: 2025,
  nowMs: now,
  tokenExpMs: now + 300_000,
  tokenUsedHere: false,
};

describe('local debit rules', () => {
  it.each<[string, Partial<DebitFacts>, string | null]>([
    ['a partial cinema seat', {}, null],
    ['the whole price', { amountCents: 950 }, null],
    ['a category the partner lacks', { category: 'SPECTACLE', item: 'PLACE' }, 'NOT_ACCREDITED'],
    ['confectionery', { item: 'CONFISERIE' }, 'ITEM_NOT_ELIGIBLE'],
    ['a seat item in cinema', { item: 'PLACE' }, 'ITEM_NOT_ELIGIBLE'],
    [
      'a cycle of 4 sessions',
      { accreditations: ['ARTISTIC'], category: 'ARTISTIC', item: 'CYCLE', sessions: 4 },
      'ITEM_NOT_ELIGIBLE',
    ],
    [
      'a cycle of 5 sessions',
      { accreditations: ['ARTISTIC'], category: 'ARTISTIC', item: 'CYCLE', sessions: 5 },
      null,
    ],
    ['zero', { amountCents: 0 }, 'AMOUNT_INVALID'],
    ['more than the price', { amountCents: 951 }, 'AMOUNT_INVALID'],
    ['inactive membership', { membership: 'inactive' }, 'MEMBERSHIP_INACTIVE'],
    [
      'after the season',
      { nowMs: parisWallToInstant(2026, 7, 1, 0, 0, 0), tokenExpMs: parisWallToInstant(2026, 7, 1, 0, 5, 0) },
      'SEASON_CLOSED',
    ],
    [
      'the last second of the season',
      {
        nowMs: parisWallToInstant(2026, 6, 30, 23, 59, 59),
        tokenExpMs: parisWallToInstant(2026, 7, 1, 0, 5, 0),
      },
      null,
    ],
    ['an expired token', { tokenExpMs: now - 121_000 }, 'TOKEN_EXPIRED'],
    ['within the skew allowance', { tokenExpMs: now - 119_000 }, null],
    ['a token used here', { tokenUsedHere: true }, 'TOKEN_USED'],
    ['more than the balance', { amountCents: 900, balanceCents: 800 }, 'INSUFFICIENT_BALANCE'],
  ])('%s', (_name, change, expected) => {
    expect(firstRefusal({ ...base, ...change })?.code ?? null).toBe(expected);
  });
});
