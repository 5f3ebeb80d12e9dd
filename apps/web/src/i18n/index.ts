export {
  formatAge,
  formatBytes,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatTimestamp,
  formatYears,
} from './format';
export { I18nProvider, useLanguage } from './I18nProvider';
export {
  createLanguageStore,
  detectLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  type LanguageStore,
} from './language';
export type { PlainMessageKey } from './resources/en';
export { useLabel } from './useLabel';
