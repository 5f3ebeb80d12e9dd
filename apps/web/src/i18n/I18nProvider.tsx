import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { createLanguageStore, type Language, type LanguageStore } from './language';
import { createTranslator, type Translate } from './translate';

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

interface I18nProviderProps {
  /** Shared with the Apollo client in `main.tsx`; a fresh browser-backed store when omitted. */
  store?: LanguageStore;
  children: ReactNode;
}

export function I18nProvider({ store: given, children }: I18nProviderProps) {
  const [store] = useState(() => given ?? createLanguageStore());
  const language = useSyncExternalStore(store.subscribe, store.get);
  const value = useMemo<I18nValue>(
    () => ({ language, setLanguage: store.set, t: createTranslator(language) }),
    [language, store],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = value.t('app.name');
  }, [language, value]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() and useLanguage() need an <I18nProvider> above them');
  return value;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useI18n();
  return [language, setLanguage];
}
