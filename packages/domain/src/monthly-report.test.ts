import { describe, expect, it } from 'vitest';
import {
  isReportMonth,
  monthBounds,
  monthClosed,
  previousMonth,
  reportAbcPeriod,
  reportWeeks,
} from './monthly-report.js';

describe('report months', () => {
  it.each([
    ['2026-10', true],
    ['2026-1', false],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-10-01', false],
    ['10-2026', false],
  ])('%s is a month: %s', (value, ok) => {
    expect(isReportMonth(value)).toBe(ok);
  });

  it.each([
    ['2026-10', '2026-10-01', '2026-10-31'],
    ['2027-02', '2027-02-01', '2027-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('%s runs %s..%s', (month, first, last) => {
    expect(monthBounds(month)).toEqual({ first, last });
  });

  it.each([
    ['2026-12-01', '2026-11'],
    ['2027-01-01', '2026-12'],
    ['2027-03-31', '2027-02'],
  ])('on %s the previous month is %s', (day, month) => {
    expect(previousMonth(day)).toBe(month);
  });

  it.each([
    ['2026-10', '2026-11-01', true],
    ['2026-10', '2026-10-31', false],
    ['2026-11', '2026-11-15', false],
  ])('%s closed on %s: %s', (month, today, closed) => {
    expect(monthClosed(month, today)).toBe(closed);
  });

  it.each([
    ['2026-10', '2025-11-01', '2026-10-31'],
    ['2027-02', '2026-03-01', '2027-02-28'],
  ])('%s ranks ABC over %s..%s', (month, from, to) => {
    expect(reportAbcPeriod(month)).toEqual({ from, to });
  });

  it.each([
    // 2026-06-01 is a Monday: it starts the first week; the week of 29 June runs into July, still June's.
    ['2026-06', ['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']],
    // 2026-10-01 is a Thursday: that week began in September and is September's.
    ['2026-10', ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26']],
    ['2026-09', ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28']],
    // February 2027: Monday the 1st to Monday the 22nd, four weeks.
    ['2027-02', ['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22']],
  ])('%s counts the weekly checks of the weeks starting %j', (month, weeks) => {
    expect(reportWeeks(month)).toEqual(weeks);
  });
});
