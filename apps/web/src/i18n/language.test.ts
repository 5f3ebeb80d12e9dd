import { describe, expect, it } from 'vitest';
import { createLanguageStore, detectLanguage, type Language } from './language';

describe('detectLanguage', () => {
  const cases: Array<[string | null, string | undefined, Language]> = [
    [null, 'zh-CN', 'zh-CN'],
    [null, 'zh-TW', 'zh-CN'],
    [null, 'zh', 'zh-CN'],
    [null, 'ZH-hans-cn', 'zh-CN'],
    [null, 'en-GB', 'en'],
    [null, 'de-DE', 'en'],
    [null, undefined, 'en'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en-US', 'zh-CN'],
    ['fr', 'zh-CN', 'zh-CN'],
  ];

  it.each(cases)('saved %s, browser %s → %s', (saved, browser, expected) => {
    expect(detectLanguage(saved, browser)).toBe(expected);
  });
});

describe('createLanguageStore', () => {
  it('saves a change and tells subscribers once', () => {
    const saved = new Map<string, string>();
    const storage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => saved.set(k, v),
    };
    const store = createLanguageStore({ storage, navigatorLanguage: 'en-US' });
    let calls = 0;
    store.subscribe(() => calls++);

    store.set('zh-CN');
    store.set('zh-CN');

    expect([store.get(), saved.get('dossier.language'), calls]).toEqual(['zh-CN', 'zh-CN', 1]);
  });

  it('keeps working when storage throws', () => {
    const storage = {
      getItem: (): string | null => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    const store = createLanguageStore({ storage, navigatorLanguage: 'zh-CN' });
    store.set('en');
    expect(store.get()).toBe('en');
  });
});
