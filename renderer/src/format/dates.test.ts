import { describe, expect, it } from 'vitest';
import { formatBirthDate, formatDateTime, parisToday, voidWindowOpen } from './dates';

describe('dates at the counter are Paris dates', () => {
  it('shows a UTC instant in Paris time, winter and summer', () => {
    expect(formatDateTime('2026-01-15T23:30:00Z')).toBe('16/01/2026 00:30');
    expect(formatDateTime('2026-07-01T21:59:00Z')).toBe('01/07/2026 23:59');
    expect(formatDateTime('not a date')).toBe('—');
  });
  it('writes a birth date the French way', () => {
    expect(formatBirthDate('2007-03-14')).toBe('14/03/2007');
  });
  it('keeps the void window to the Paris day of the debit', () => {
    const now = Date.parse('2026-11-26T22:30:00Z'); // 23:30 in Paris
    expect(parisToday(now)).toBe('2026-11-26');
    expect(voidWindowOpen('2026-11-25T23:30:00Z', now)).toBe(true); // 00:30 Paris, same day
    expect(voidWindowOpen('2026-11-25T22:30:00Z', now)).toBe(false); // 23:30 Paris the day before
  });
});
