/**
 * The festivals a company greets its customers' key persons on (节假日问候). The lunar ones move every
 * year: their dates are computed by the lunar calendar of `lunar-typescript` (offline, no table per year).
 * Exported as `@dossier/domain/festivals`, not from the package index, so the web bundle stays without it.
 */
import { Lunar } from 'lunar-typescript';
import { daysBetween } from './calendar.js';
import { FestivalCode, type Upcoming } from './occasions.js';

export { FestivalCode };

const lunarDay = (month: number, day: number) => (year: number) =>
  Lunar.fromYmd(year, month, day).getSolar().toYmd();

const DATE_IN_YEAR: Record<FestivalCode, (year: number) => string> = {
  [FestivalCode.SPRING_FESTIVAL]: lunarDay(1, 1),
  [FestivalCode.MID_AUTUMN]: lunarDay(8, 15),
  [FestivalCode.NATIONAL_DAY]: (year) => `${String(year).padStart(4, '0')}-10-01`,
};

/** The Gregorian date of a festival in a (lunar, for the lunar ones) year. */
export const festivalDate = (code: FestivalCode, year: number): string => DATE_IN_YEAR[code](year);

export interface UpcomingFestival extends Upcoming {
  code: FestivalCode;
}

/**
 * The festivals from `day` to `leadDays` days after it (both included), soonest first. The lunar year
 * starting in late January or February, the next year is looked at too (Spring Festival from December).
 */
export function festivalsWithin(day: string, leadDays: number): UpcomingFestival[] {
  const year = Number(day.slice(0, 4));
  const found: UpcomingFestival[] = [];
  for (const code of Object.values(FestivalCode)) {
    for (const date of [festivalDate(code, year), festivalDate(code, year + 1)]) {
      const days = daysBetween(day, date);
      if (days >= 0 && days <= leadDays) found.push({ code, date, days });
    }
  }
  return found.sort((a, b) => a.days - b.days);
}
