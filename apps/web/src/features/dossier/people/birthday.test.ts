import { describe, expect, it } from 'vitest';
import { daysIn, formatMonthDay, monthDayOf, monthNames, partsOf } from './birthday';

describe('birthday month-days', () => {
  it.each([
    ['09-14', { month: 9, day: 14 }],
    ['02-29', { month: 2, day: 29 }],
    [null, { month: 0, day: 0 }],
  ])('%s has month and day %o', (birthday, parts) => {
    expect(partsOf(birthday)).toEqual(parts);
  });

  it.each([
    [9, 14, '09-14'],
    [12, 1, '12-01'],
    [0, 14, null],
    [9, 0, null],
  ])('month %i day %i is %s', (month, day, expected) => {
    expect(monthDayOf(month, day)).toBe(expected);
  });

  it('offers 29 days in February, 30 in April, 31 before a month is picked', () => {
    expect([daysIn(2), daysIn(4), daysIn(12), daysIn(0)]).toEqual([29, 30, 31, 31]);
  });

  it.each([
    ['09-14', 'en', 'September 14'],
    ['09-14', 'zh-CN', '9月14日'],
    ['02-29', 'en', 'February 29'],
  ])('%s reads %s in %s', (birthday, language, expected) => {
    expect(formatMonthDay(birthday, language)).toBe(expected);
  });

  it('names the months in the language', () => {
    expect(monthNames('zh-CN').slice(0, 2)).toEqual(['一月', '二月']);
    expect(monthNames('en')[8]).toBe('September');
  });
});
