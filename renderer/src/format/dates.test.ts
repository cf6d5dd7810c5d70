import { describe, expect, it } from 'vitest';
import {
  formatBirthDate,
  formatDateTime,
  formatMonth,
  formatPeriod,
  parisToday,
  parseDay,
  recentMonths,
  voidWindowOpen,
} from './dates';

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
  it('names months instead of writing 2026-11', () => {
    expect(formatMonth('2026-11')).toBe('novembre 2026');
    expect(formatMonth('2027-01', 'en')).toBe('January 2027');
    expect(formatPeriod('2026-11')).toBe('novembre 2026');
    expect(formatPeriod('2026-11-29')).toBe('29/11/2026');
    expect(formatMonth('nonsense')).toBe('nonsense');
  });
  it('reads a day typed the French way and refuses what is not a date', () => {
    expect(parseDay('29/11/2026')).toBe('2026-11-29');
    expect(parseDay(' 1/2/2027 ')).toBe('2027-02-01');
    expect(parseDay('29.11.2026')).toBe('2026-11-29');
    expect(parseDay('31/11/2026')).toBeNull();
    expect(parseDay('29/02/2027')).toBeNull();
    expect(parseDay('29/02/2028')).toBe('2028-02-29');
    expect(parseDay('2026-11-29')).toBeNull();
    expect(parseDay('11/29/2026')).toBeNull();
  });
  it('lists the last months across a year end, by the Paris calendar', () => {
    // 31 Dec 23:30 UTC is already January in Paris.
    expect(recentMonths(3, Date.parse('2026-12-31T23:30:00Z'))).toEqual(['2027-01', '2026-12', '2026-11']);
  });
});
