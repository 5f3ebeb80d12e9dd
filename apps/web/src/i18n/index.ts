export type { MessageKey, Messages } from './en';
export { I18nProvider, useLanguage, useT } from './I18nProvider';
export {
  createLanguageStore,
  detectLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  type LanguageStore,
} from './language';
export type { PlainMessageKey, Translate } from './translate';
