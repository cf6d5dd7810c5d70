import { describe, expect, it } from 'vitest';
import { keyForScreen, screenForKey, screensFor } from './keys';

describe('the screens a till shows', () => {
  it('hides Bons (F2) where the partner cannot hold coupons, and F2 opens nothing there', () => {
    const cinema = screensFor(['CINEMA', 'SPECTACLE']);
    expect(cinema).toEqual([
      'counter',
      'offers',
      'journal',
      'closures',
      'settings',
      'outing',
      'avoirs',
      'about',
    ]);
    expect(screenForKey('F2', cinema)).toBeUndefined();
    expect(screenForKey('F3', cinema)).toBe('offers');
    expect(keyForScreen('offers')).toBe('F3');
  });
  it('shows Bons to a sport or artistic partner', () => {
    expect(screensFor(['SPORT'])).toContain('coupons');
    expect(screensFor(['CINEMA', 'ARTISTIC'])).toContain('coupons');
    expect(screenForKey('F2', screensFor(['ARTISTIC']))).toBe('coupons');
  });
  it('shows Gestion (F7) to a manager only', () => {
    expect(screensFor(['CINEMA'], 'manager')).toContain('manage');
    expect(screensFor(['CINEMA'], 'cashier')).not.toContain('manage');
    expect(screenForKey('F7', screensFor(['CINEMA'], 'cashier'))).toBeUndefined();
    expect(screenForKey('F7', screensFor(['CINEMA'], 'manager'))).toBe('manage');
  });
});
