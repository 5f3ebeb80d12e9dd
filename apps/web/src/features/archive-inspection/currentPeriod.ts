import { inspectionPeriodOf } from '@dossier/domain';

/** The inspection period under way at `now` on the business calendar of `timeZone` (the server's). */
export function currentPeriod(now: Date, timeZone: string): string {
  // en-CA writes a day as YYYY-MM-DD.
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return inspectionPeriodOf(day);
}
