export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so a reader of the other language can still find theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

export const LANGUAGE_STORAGE_KEY = 'dossier.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A saved choice wins; otherwise any Chinese browser locale (zh, zh-TW, zh-Hans-CN…) gets zh-CN. */
export function detectLanguage(saved: string | null, navigatorLanguage: string | undefined): Language {
  if (isLanguage(saved)) return saved;
  return navigatorLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The chosen UI language, outside React so the Apollo link can read it for `Accept-Language`
 * while the `I18nProvider` subscribes to it.
 */
export interface LanguageStore {
  get(): Language;
  set(language: Language): void;
  subscribe(listener: () => void): () => void;
}

interface LanguageStoreOptions {
  /** `null` keeps the choice in memory only (tests, or storage disabled by the browser). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  navigatorLanguage?: string;
}

export function createLanguageStore(options: LanguageStoreOptions = browserDefaults()): LanguageStore {
  const { storage = null, navigatorLanguage } = options;
  let current = detectLanguage(readSaved(storage), navigatorLanguage);
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(language) {
      if (language === current) return;
      current = language;
      try {
        storage?.setItem(LANGUAGE_STORAGE_KEY, language);
      } catch {
        // Storage full or blocked: the choice still holds for this visit.
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readSaved(storage: LanguageStoreOptions['storage']): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function browserDefaults(): LanguageStoreOptions {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    // Some browsers throw on access when site data is blocked.
  }
  return { storage, navigatorLanguage: navigator.language };
}
