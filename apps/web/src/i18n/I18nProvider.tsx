import {
  createContext,
  type ReactNode,
  useContext,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './createI18n';
import { createLanguageStore, type Language, type LanguageStore } from './language';

const LanguageContext = createContext<LanguageStore | null>(null);

interface I18nProviderProps {
  /** Shared with the Apollo client in `main.tsx`; a fresh browser-backed store when omitted. */
  store?: LanguageStore;
  children: ReactNode;
}

/**
 * The language store stays the one source of the choice (the Apollo link reads it for
 * Accept-Language); i18next follows it.
 */
export function I18nProvider({ store: given, children }: I18nProviderProps) {
  const [store] = useState(() => given ?? createLanguageStore());
  const [i18n] = useState(() => createI18n(store.get()));
  const language = useSyncExternalStore(store.subscribe, store.get);

  // A layout effect: the components re-rendered by `changeLanguage` (synchronous, the catalogues are
  // in memory) are painted once, in the new language.
  useLayoutEffect(() => {
    if (i18n.language !== language) i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.title = i18n.t('app.name');
  }, [language, i18n]);

  return (
    <LanguageContext.Provider value={store}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): [Language, (language: Language) => void] {
  const store = useContext(LanguageContext);
  if (!store) throw new Error('useLanguage() needs an <I18nProvider> above it');
  return [useSyncExternalStore(store.subscribe, store.get), store.set];
}
