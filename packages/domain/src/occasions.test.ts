import { describe, expect, it } from 'vitest';
import { anniversaryWithin, dateInYear, isMonthDay, monthDayWithin } from './occasions.js';

describe('isMonthDay', () => {
  it.each([
    ['01-01', true],
    ['02-29', true],
    ['12-31', true],
    ['04-30', true],
    ['02-30', false],
    ['04-31', false],
    ['13-01', false],
    ['00-10', false],
    ['1-1', false],
    ['2027-01-01', false],
  ])('%s is %s', (value, expected) => {
    expect(isMonthDay(value)).toBe(expected);
  });
});

describe('dateInYear: a 29 February falls on 28 February in other years', () => {
  it.each([
    ['02-29', 2028, '2028-02-29'],
    ['02-29', 2027, '2027-02-28'],
    ['02-29', 2100, '2100-02-28'],
    ['02-29', 2000, '2000-02-29'],
    ['03-01', 2027, '2027-03-01'],
  ])('%s in %i is %s', (monthDay, year, expected) => {
    expect(dateInYear(monthDay, year)).toBe(expected);
  });
});

describe('monthDayWithin', () => {
  it.each([
    ['06-18', '2027-06-15', 3, { date: '2027-06-18', days: 3 }],
    ['06-18', '2027-06-14', 3, null],
    ['06-18', '2027-06-18', 3, { date: '2027-06-18', days: 0 }],
    ['06-18', '2027-06-19', 3, null],
    ['01-02', '2027-12-30', 3, { date: '2028-01-02', days: 3 }],
    ['02-29', '2027-02-25', 3, { date: '2027-02-28', days: 3 }],
    ['02-29', '2028-02-26', 3, { date: '2028-02-29', days: 3 }],
    ['02-29', '2027-03-01', 3, null],
  ])('%s from %s with %i lead days', (monthDay, day, lead, expected) => {
    expect(monthDayWithin(monthDay, day, lead)).toEqual(expected);
  });
});

describe('anniversaryWithin', () => {
  it.each([
    ['2008-05-20', '2027-05-18', 3, { date: '2027-05-20', days: 2, years: 19 }],
    ['2008-05-20', '2027-05-16', 3, null],
    ['2027-05-20', '2027-05-18', 3, null],
    ['2026-12-31', '2027-12-30', 3, { date: '2027-12-31', days: 1, years: 1 }],
    ['2004-02-29', '2027-02-27', 3, { date: '2027-02-28', days: 1, years: 23 }],
  ])('founded %s, from %s with %i lead days', (foundedOn, day, lead, expected) => {
    expect(anniversaryWithin(foundedOn, day, lead)).toEqual(expected);
  });
});
