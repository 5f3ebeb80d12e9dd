import type { AbcInput } from '../../apollo/generated';

// The dashboard's period, held in the URL as `period`: the last 12 months (the server's default
// period, the one every customer's grade is kept for), a calendar year "2026" or a quarter "2026-Q3".

export type Period =
  | { kind: 'last12' }
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: number };

export const LAST_12: Period = { kind: 'last12' };

/** The URL's `period` parameter; anything unreadable is the default period. */
export function readPeriod(value: string | null): Period {
  const year = /^(\d{4})$/.exec(value ?? '');
  if (year) return { kind: 'year', year: Number(year[1]) };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value ?? '');
  if (quarter) return { kind: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) };
  return LAST_12;
}

/** The `period` parameter of a period; the default one has none, so the plain URL means it. */
export function periodParam(period: Period): string {
  if (period.kind === 'year') return String(period.year);
  if (period.kind === 'quarter') return `${period.year}-Q${period.quarter}`;
  return '';
}

const day = (year: number, month: number, date: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** The `abcClassification` input: first and last day (included); none for the server's default. */
export function abcInputOf(period: Period): AbcInput | undefined {
  if (period.kind === 'year') return { from: day(period.year, 1, 1), to: day(period.year, 12, 31) };
  if (period.kind === 'quarter') {
    const first = (period.quarter - 1) * 3 + 1;
    // Day 0 of the next month is the last day of this quarter's last month.
    const last = new Date(Date.UTC(period.year, first + 2, 0)).getUTCDate();
    return { from: day(period.year, first, 1), to: day(period.year, first + 2, last) };
  }
  return undefined;
}

/**
 * What the picker offers on `today` (a `LocalDate`): the last 12 months, this year and the two
 * before it, and the last four quarters, this one first. A period from an older bookmark is kept.
 */
export function periodChoices(today: string, current: Period): Period[] {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const quarters = [0, 1, 2, 3].map((back) => {
    const index = year * 4 + quarter - 1 - back;
    return { kind: 'quarter', year: Math.floor(index / 4), quarter: (index % 4) + 1 } as const;
  });
  const choices: Period[] = [
    LAST_12,
    ...[0, 1, 2].map((back) => ({ kind: 'year', year: year - back }) as const),
    ...quarters,
  ];
  const known = choices.some((c) => periodParam(c) === periodParam(current));
  return known ? choices : [...choices, current];
}
