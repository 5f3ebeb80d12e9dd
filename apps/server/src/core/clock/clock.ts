/**
 * Where the server gets the time. Storage stays UTC (instants); "today", a period's bounds, an age in days
 * and a due date are days of the business calendar, in the company's time zone (DOSSIER_TIME_ZONE): a
 * report dated today in Beijing is not "in the future" at 07:00 there, when it is still yesterday in UTC.
 */
export interface Clock {
  /** IANA name of the business time zone, e.g. Asia/Shanghai; SQL takes it as `at time zone ?`. */
  readonly timeZone: string;
  /** The current instant. */
  now(): Date;
  /** The current day of the business calendar (YYYY-MM-DD). */
  today(): string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Whether Intl (and so this server) knows the IANA zone `name`. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// A formatter per zone: building one costs far more than formatting, and `expired` asks once per report.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The day of the business calendar in `timeZone` at `instant` (YYYY-MM-DD). */
export function localDateAt(instant: Date, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function clockOn(timeZone: string, now: () => Date): Clock {
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  return { timeZone, now, today: () => localDateAt(now(), timeZone) };
}

/** The real time, read afresh at every call. */
export const systemClock = (timeZone = DEFAULT_TIME_ZONE): Clock => clockOn(timeZone, () => new Date());

/** A clock stopped at `instant` (an ISO string with its offset, or a Date): what tests run on. */
export function fixedClock(instant: string | Date, timeZone = DEFAULT_TIME_ZONE): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return clockOn(timeZone, () => new Date(at));
}
