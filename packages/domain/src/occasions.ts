/**
 * Relationship care (亲情化管理): which birthdays and founding anniversaries fall within a few days of a
 * business day. Pure calendar arithmetic on local dates (YYYY-MM-DD) and month-days (MM-DD); the lunar
 * festivals are in `festivals.ts`, kept apart so that the web never loads the lunar calendar.
 */
import { daysBetween } from './calendar.js';

/** The festivals a company greets customers on; their dates are computed in `festivals.ts`. */
export enum FestivalCode {
  /** 春节: the first day of the first lunar month. */
  SPRING_FESTIVAL = 'SPRING_FESTIVAL',
  /** 中秋节: the 15th day of the 8th lunar month. */
  MID_AUTUMN = 'MID_AUTUMN',
  /** 国庆节: 1 October. */
  NATIONAL_DAY = 'NATIONAL_DAY',
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
// Days per month in a leap year: a month-day is valid when it exists in some year (29 Feb included).
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `value` is a month-day written MM-DD that exists in some year (02-29 does, 02-30 not). */
export function isMonthDay(value: string): boolean {
  const match = MONTH_DAY.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (MONTH_LENGTHS[month - 1] ?? 0);
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The date of a month-day in `year`. A 29 February birthday or founding day is kept on 28 February in the
 * other years: the greeting then comes a day early rather than a day late.
 */
export function dateInYear(monthDay: string, year: number): string {
  const observed = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${observed}`;
}

/** An occasion a few days ahead: its date and how many days from the business day to it (0: today). */
export interface Upcoming {
  date: string;
  days: number;
}

/**
 * The next date on or after `day` on which a month-day falls, when it is at most `leadDays` away; null
 * otherwise. Looks into the next year too, so a 2 January birthday is found from 30 December.
 */
export function monthDayWithin(monthDay: string, day: string, leadDays: number): Upcoming | null {
  const year = Number(day.slice(0, 4));
  for (const candidate of [dateInYear(monthDay, year), dateInYear(monthDay, year + 1)]) {
    const days = daysBetween(day, candidate);
    if (days >= 0) return days <= leadDays ? { date: candidate, days } : null;
  }
  return null;
}

/** A founding anniversary a few days ahead, with the years it marks. */
export interface UpcomingAnniversary extends Upcoming {
  years: number;
}

/**
 * The customer's founding anniversary within `leadDays` of `day`: the founding day itself (0 years) is not
 * an anniversary, nor is a founding date still ahead.
 */
export function anniversaryWithin(
  foundedOn: string,
  day: string,
  leadDays: number,
): UpcomingAnniversary | null {
  const upcoming = monthDayWithin(foundedOn.slice(5), day, leadDays);
  if (!upcoming) return null;
  const years = Number(upcoming.date.slice(0, 4)) - Number(foundedOn.slice(0, 4));
  return years >= 1 ? { ...upcoming, years } : null;
}
