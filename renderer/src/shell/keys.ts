// The keyboard map of the till: one F-key per screen, shown on its button.
import { COUPON_CATEGORIES, type Category } from '../../../protocol/catalogue';

export const SCREENS = [
  'counter',
  'coupons',
  'offers',
  'journal',
  'closures',
  'settings',
  'manage',
  'outing',
  'avoirs',
  'about',
] as const;
export type ScreenName = (typeof SCREENS)[number];

const SCREEN_KEYS: Readonly<Record<string, ScreenName>> = {
  F1: 'counter',
  F2: 'coupons',
  F3: 'offers',
  F4: 'journal',
  F5: 'closures',
  F6: 'settings',
  F8: 'outing',
  F9: 'avoirs',
  F7: 'manage',
};

export const LOCK_KEY = 'F12';

/**
 * The screens this till shows. Bons (F2) only where the partner can hold prepayment coupons: coupons are
 * for sport and artistic practice (protocol/catalogue COUPON_CATEGORIES); a cinema or a theatre never sees
 * one. The F-keys stay where they are, so F3 is Bons plans on every till. Gestion (F7) for managers only.
 */
export function screensFor(
  accreditations: readonly Category[],
  role: 'cashier' | 'manager' = 'cashier',
): ScreenName[] {
  const coupons = accreditations.some((c) => (COUPON_CATEGORIES as readonly Category[]).includes(c));
  // Gestion (F7) is the manager's: its calls are refused to a cashier anyway (preload/contract/manage.ts).
  return SCREENS.filter((s) => (s !== 'coupons' || coupons) && (s !== 'manage' || role === 'manager'));
}

/** The screen a key opens, among those shown (all when not said). */
export function screenForKey(key: string, shown: readonly ScreenName[] = SCREENS): ScreenName | undefined {
  const screen = SCREEN_KEYS[key];
  return screen && shown.includes(screen) ? screen : undefined;
}

export function keyForScreen(screen: ScreenName): string {
  return Object.entries(SCREEN_KEYS).find(([, s]) => s === screen)?.[0] ?? '';
}
