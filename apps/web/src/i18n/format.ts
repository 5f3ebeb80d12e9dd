import type { Language } from './language';

// Numbers, money and dates through `Intl` in the UI language: each locale's own rules (`¥` in
// Chinese, `CN¥` in English, 2026年12月31日 vs Dec 31, 2026) without tables of our own.

/** A `Decimal` from the API is a string: `Intl` formats it exactly, never through a float. */
type Numeric = number | bigint | `${number}`;

export function formatNumber(value: Numeric, language: Language): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Amounts in yuan (the API's money is CNY), always with two decimals. */
export function formatMoney(amount: Numeric, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(amount);
}

/** A fraction (a discount "0.125") as a percentage: 12.5%. */
export function formatPercent(fraction: Numeric, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}

/**
 * A `LocalDate` ("2026-12-31") is a calendar day, not an instant: formatted at UTC midnight in UTC
 * so no time zone moves it to the day before or after.
 */
export function formatDate(localDate: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${localDate}T00:00:00Z`),
  );
}

/** An instant to the second, for records where the order of events matters (the audit log). */
export function formatTimestamp(instant: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(
    new Date(instant),
  );
}

/** A `DateTimeISO` instant, in the reader's time zone unless one is given. */
export function formatDateTime(instant: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(instant),
  );
}

/** A number of years, spelt out with the language's plural: "1 year", "10 years", "10年". */
export function formatYears(years: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'year', unitDisplay: 'long' }).format(years);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * A file size in the largest unit that keeps it ≥ 1 (1 KB = 1024 bytes): "1 byte", "63 bytes" / "63字节",
 * "2.4 kB", "2.4 MB", "3.1 GB" (a database backup). Bytes are spelt out: CLDR's short form has no plural ("63 byte") and in Chinese is a
 * bare "B"; kB, MB and GB read better short than as "kilobytes".
 */
export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

const MINUTE_SECONDS = 60;
const HOUR_SECONDS = 60 * MINUTE_SECONDS;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/**
 * How long ago something happened, in whole days from a day on, whole hours below, whole minutes below an
 * hour ("2 days", "5 hours", "12 minutes", "2天", "5小时"): enough to see a backup is stale, without a clock
 * ticking on the page ("0 hours" for a backup taken a minute ago read as a fault).
 */
export function formatAge(seconds: number, language: Language): string {
  const [value, unit] =
    seconds >= DAY_SECONDS
      ? [Math.floor(seconds / DAY_SECONDS), 'day']
      : seconds >= HOUR_SECONDS
        ? [Math.floor(seconds / HOUR_SECONDS), 'hour']
        : [Math.floor(seconds / MINUTE_SECONDS), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
