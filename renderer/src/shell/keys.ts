// The keyboard map of the till: one F-key per screen, shown on its button.
export const SCREENS = ['counter', 'coupons', 'offers', 'journal', 'closures', 'settings'] as const;
export type ScreenName = (typeof SCREENS)[number];

const SCREEN_KEYS: Readonly<Record<string, ScreenName>> = {
  F1: 'counter',
  F2: 'coupons',
  F3: 'offers',
  F4: 'journal',
  F5: 'closures',
  F6: 'settings',
};

export const LOCK_KEY = 'F12';

export function screenForKey(key: string): ScreenName | undefined {
  return SCREEN_KEYS[key];
}

export function keyForScreen(screen: ScreenName): string {
  return Object.entries(SCREEN_KEYS).find(([, s]) => s === screen)?.[0] ?? '';
}
