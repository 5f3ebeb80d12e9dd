import i18next, { type i18n } from 'i18next';
import type { Language } from './language';
import { en } from './resources/en';
import { zhCN } from './resources/zh-CN';

/**
 * One i18next instance per app (and per test render), never the global one, so tests rendering
 * in different languages cannot leak into each other. Both catalogues are bundled: they are small,
 * and switching language must not wait for a download.
 */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  instance.init({
    lng: language,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    // A missing message would show its key; both catalogues are complete (resources.test.ts).
    fallbackLng: false,
    // React escapes what it renders; escaping here too would show `&amp;` in names.
    interpolation: { escapeValue: false },
    // The resources are in memory: initialise synchronously so the first render is translated.
    initAsync: false,
  });
  return instance;
}
