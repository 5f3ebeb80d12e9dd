import { useMemo } from 'react';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatYears,
  useLanguage,
} from '../../../i18n';

/** The `Intl` formatters bound to the UI language, for the API's string scalars. */
export function useFormat() {
  const [language] = useLanguage();
  return useMemo(
    () => ({
      /** A `Decimal` amount of CNY; the API only sends well-formed decimals. */
      money: (amount: string) => formatMoney(amount as `${number}`, language),
      percent: (fraction: string) => formatPercent(fraction as `${number}`, language),
      date: (localDate: string) => formatDate(localDate, language),
      dateTime: (instant: string) => formatDateTime(instant, language),
      bytes: (size: number) => formatBytes(size, language),
      years: (years: number) => formatYears(years, language),
    }),
    [language],
  );
}
