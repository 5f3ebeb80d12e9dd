/** Calendar arithmetic on LocalDate strings (YYYY-MM-DD), in UTC like every date the API stores. */

export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `date` plus whole calendar months; a day the target month lacks becomes its last day (Nov 30 + 3 = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1)}-${pad(Math.min(day, lastDay))}`;
}

/** A credit report is valid for 3 to 12 months (DOMAIN.md): the range its `validUntil` may take. */
export function validityRange(reportedAt: string): { earliest: string; latest: string } {
  return { earliest: addMonths(reportedAt, 3), latest: addMonths(reportedAt, 12) };
}
