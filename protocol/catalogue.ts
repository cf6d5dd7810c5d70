// The scheme's categories, wallets and items, as region-api.md publishes them.
// Pure data and pure functions: the till, its UI and the reference Region server all read this one table.

export const CATEGORIES = ['SPECTACLE', 'CINEMA', 'SPORT', 'ARTISTIC', 'LOCAL'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The order of the balances array in a pass token (claim -5). */
export const WALLETS = ['SPECTACLE', 'CINEMA', 'PRATIQUE', 'LOCAL'] as const;
export type Wallet = (typeof WALLETS)[number];

export const ITEMS = ['PLACE', 'ABONNEMENT', 'SEANCE', 'LICENCE', 'ADHESION', 'CYCLE'] as const;
export type Item = (typeof ITEMS)[number];

export interface CategoryRule {
  wallet: Wallet;
  items: readonly Item[];
}

export const CATEGORY_RULES: Readonly<Record<Category, CategoryRule>> = {
  SPECTACLE: { wallet: 'SPECTACLE', items: ['PLACE', 'ABONNEMENT'] },
  CINEMA: { wallet: 'CINEMA', items: ['SEANCE', 'ABONNEMENT'] },
  SPORT: { wallet: 'PRATIQUE', items: ['LICENCE', 'ADHESION'] },
  ARTISTIC: { wallet: 'PRATIQUE', items: ['CYCLE'] },
  LOCAL: { wallet: 'LOCAL', items: ['ADHESION'] },
};

/**
 * The artistic practices a cycle may teach (regulation 3.2.1: "musique/chorale, danse, cirque, théâtre, arts
 * marionnettiques, arts visuels"): the Region funds only those, so each cycle records its discipline
 * (issue 17). Till-side: the Region's wire format does not carry it (region-api.md).
 */
export const ART_DISCIPLINES = [
  'MUSIQUE_CHORALE',
  'DANSE',
  'CIRQUE',
  'THEATRE',
  'ARTS_MARIONNETTIQUES',
  'ARTS_VISUELS',
] as const;
export type ArtDiscipline = (typeof ART_DISCIPLINES)[number];

/** A cycle of artistic practice is eligible from this many sessions (regulation 3.2.1). */
export const MIN_CYCLE_SESSIONS = 5;

/** The amounts credited to each wallet at membership (regulation 3.2.1), in cents. */
export const WALLET_INITIAL_CENTS: Readonly<Record<Wallet, number>> = {
  SPECTACLE: 3000,
  CINEMA: 2000,
  PRATIQUE: 3000,
  LOCAL: 500,
};

/** Categories that accept prepayment coupons (regulation 4.3.1). */
export const COUPON_CATEGORIES = ['SPORT', 'ARTISTIC'] as const satisfies readonly Category[];
export type CouponCategory = (typeof COUPON_CATEGORIES)[number];

export function walletOf(category: Category): Wallet {
  return CATEGORY_RULES[category].wallet;
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function isItem(value: unknown): value is Item {
  return typeof value === 'string' && (ITEMS as readonly string[]).includes(value);
}

/** Whether an item may be paid from a category; a cycle needs its number of sessions. */
export function isItemEligible(category: Category, item: string, sessions?: number): boolean {
  const rule = CATEGORY_RULES[category];
  if (!(rule.items as readonly string[]).includes(item)) return false;
  if (item === 'CYCLE') return Number.isInteger(sessions) && (sessions ?? 0) >= MIN_CYCLE_SESSIONS;
  return true;
}
