// A key person's birthday travels as a month-day, MM-DD (the year is the separate, optional birthYear).

// Days per month in a leap year: 29 February is a birthday too.
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days a birthday may fall on in `month` (1–12); every day up to 31 while no month is picked. */
export const daysIn = (month: number): number => MONTH_LENGTHS[month - 1] ?? 31;

/** Month and day (numbers, 0 for none) of an MM-DD birthday or of null. */
export function partsOf(birthday: string | null | undefined): { month: number; day: number } {
  const [month = 0, day = 0] = birthday ? birthday.split('-').map(Number) : [];
  return { month, day };
}

/** MM-DD from a picked month and day; null unless both are picked. */
export const monthDayOf = (month: number, day: number): string | null =>
  month > 0 && day > 0 ? `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;

/** A month-day as the language writes it: "September 14", "9月14日". */
export function formatMonthDay(birthday: string, language: string): string {
  const { month, day } = partsOf(birthday);
  // A leap year, so that 29 February formats; the year is not shown.
  return new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(2000, month - 1, day),
  );
}

/** The name of each month (1–12) in the language, for the month picker. */
export const monthNames = (language: string): string[] =>
  Array.from({ length: 12 }, (_, i) =>
    new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, i, 1)),
  );
