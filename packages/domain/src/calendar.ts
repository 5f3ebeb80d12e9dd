/**
 * Calendar arithmetic on local dates (YYYY-MM-DD, the API's LocalDate): a day on the business calendar,
 * with no time and no zone. Which day "today" is comes from the server's clock; these only count.
 */

const DAY_MS = 86_400_000;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

// A local date is placed at UTC midnight only to count with Date: no zone can shift it there.
const epochDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** `date` plus whole days (negative: before). */
export const addDays = (date: string, days: number): string =>
  new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`: 1 from one day to the next, negative when `to` is before `from`. */
export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);

/** `date` plus whole calendar months; a day the target month lacks becomes its last day (Nov 30 + 3 = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1)}-${pad(Math.min(day, lastDay))}`;
}
