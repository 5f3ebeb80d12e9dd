import { addDays, addMonths } from './calendar.js';
import { weekStartOf } from './weekly-check.js';

/**
 * The monthly report to the leaders (每月5日前汇总成书面报告, issue 14): one per calendar month of the
 * business calendar, 'YYYY-MM', for the company and for each sales manager's team.
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month as the API takes it: 'YYYY-MM', month 01–12. */
export const isReportMonth = (value: string): boolean => MONTH.test(value);

/** First and last day (both included) of `month` ('2026-10' → 2026-10-01..2026-10-31). */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addDays(addMonths(first, 1), -1) };
}

/** The month before the one `day` falls in: the report the 1st of a month produces. */
export const previousMonth = (day: string): string => addMonths(`${day.slice(0, 7)}-01`, -1).slice(0, 7);

/** Whether `month` has ended by `today`: only a closed month gets a report (its figures no longer move). */
export const monthClosed = (month: string, today: string): boolean => monthBounds(month).last < today;

/** The ABC period a month's report ranks by: the 12 months up to the month's last day (the default length). */
export function reportAbcPeriod(month: string): { from: string; to: string } {
  const { last } = monthBounds(month);
  return { from: addDays(addMonths(last, -12), 1), to: last };
}

/**
 * The weekly checks a month's report counts: the business weeks whose Monday falls in the month. Each week
 * belongs to exactly one month that way (a week running from 29 September to 5 October is September's), so
 * the twelve reports of a year count every week once.
 */
export function reportWeeks(month: string): string[] {
  const { first, last } = monthBounds(month);
  const monday = weekStartOf(first);
  const weeks: string[] = [];
  for (let week = monday < first ? addDays(monday, 7) : monday; week <= last; week = addDays(week, 7)) {
    weeks.push(week);
  }
  return weeks;
}
