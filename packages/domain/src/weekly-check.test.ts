import { describe, expect, it } from 'vitest';
import { isWeekStart, previousWeekStart, weekEndOf, weekStartOf } from './weekly-check.js';

describe('business weeks (Monday to Sunday)', () => {
  it.each([
    ['2026-11-30', '2026-11-30'], // Monday
    ['2026-12-01', '2026-11-30'], // Tuesday
    ['2026-12-06', '2026-11-30'], // Sunday stays in its week
    ['2026-12-07', '2026-12-07'],
    ['2027-01-01', '2026-12-28'], // across a year
    ['2024-03-01', '2024-02-26'], // across a leap day
    ['1969-12-31', '1969-12-29'], // before the reference Monday
  ])('%s is in the week starting %s', (day, monday) => {
    expect(weekStartOf(day)).toBe(monday);
  });

  it('knows a Monday and the week the Monday check looks back on', () => {
    expect(isWeekStart('2026-11-30')).toBe(true);
    expect(isWeekStart('2026-12-01')).toBe(false);
    expect(previousWeekStart('2026-11-30')).toBe('2026-11-23');
    expect(previousWeekStart('2026-12-06')).toBe('2026-11-23');
    expect(weekEndOf('2026-11-23')).toBe('2026-11-29');
  });
});
