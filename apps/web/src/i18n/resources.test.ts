import { FestivalCode, REMINDER_KINDS } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../apollo/errors';
import { createI18n } from './createI18n';
import { en } from './resources/en';
import { zhCN } from './resources/zh-CN';

type Messages = { [key: string]: string | Messages };

/** Every message's key, nested groups (inbox.text.<KIND>) spelled with dots. */
const keysOf = (catalogue: Messages, prefix = ''): string[] =>
  Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

/**
 * The inbox's labels and texts, built from the item's kind (`inbox.text.${kind}`), with their fallbacks,
 * and the festivals' names the FESTIVAL text nests (`$t(inbox.festival.{{festival}})`).
 */
const inboxKeys = [
  ...['kind', 'text'].flatMap((part) =>
    [...REMINDER_KINDS, 'fallback'].map((kind) => `inbox.${part}.${kind}`),
  ),
  ...Object.values(FestivalCode).map((code) => `inbox.festival.${code}`),
];

const difference = (a: string[], b: string[]) => a.filter((key) => !b.includes(key));

// Every module that can call `t`, as text. Tests are left out: they read what the UI shows.
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Quoted literals like 'login.submit' whose first part names a group of the catalogue. */
function keysUsedInCode(): string[] {
  const literal = new RegExp(String.raw`['"\`]((?:${Object.keys(en).join('|')})\.\w+)['"\`]`, 'g');
  const used = Object.values(sources).flatMap((text) => [...text.matchAll(literal)].map((m) => m[1] ?? ''));
  return [...new Set(used)];
}

describe('the message catalogues', () => {
  it('have the same keys in English and Chinese', () => {
    expect(difference(keysOf(en), keysOf(zhCN))).toEqual([]);
    expect(difference(keysOf(zhCN), keysOf(en))).toEqual([]);
  });

  it('hold every key the code uses, and no key it does not', () => {
    const used = keysUsedInCode();
    // `ErrorMessage` builds `error.${code}` for every code `errorCode()` can return.
    const errorKeys = [...API_ERROR_CODES, 'UNREACHABLE', 'UNKNOWN'].map((code) => `error.${code}`);
    expect(used).toContain('login.wrongCredentials');
    expect(difference([...used, ...errorKeys], keysOf(en))).toEqual([]);
    expect(difference(keysOf(en), [...used, ...errorKeys, ...inboxKeys])).toEqual([]);
  });

  it('hold a label and a text for every kind of inbox item', () => {
    expect(difference(inboxKeys, keysOf(en))).toEqual([]);
  });

  it('interpolate without HTML-escaping, since React escapes what it renders', () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.t('header.signedInAs', { name: 'A&B <公司>' })).toBe('当前用户：A&B <公司>');
  });

  it('type t(): an unknown key or a missing placeholder does not compile', () => {
    const i18n = createI18n('en');
    // @ts-expect-error 'login.nope' is not a key of the catalogue
    expect(i18n.t('login.nope')).toBe('login.nope');
    // @ts-expect-error the message needs its {{name}}
    expect(i18n.t('header.signedInAs')).toBe('Signed in as {{name}}');
  });
});
