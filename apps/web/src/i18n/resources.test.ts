import { FestivalCode, ReminderKind } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../apollo/errors';
import { createI18n } from './createI18n';
import { en } from './resources/en';
import { zhCN } from './resources/zh-CN';

type Catalogue = { readonly [key: string]: string | Catalogue };

/** Every message's full key: `group.key`, or `group.sub.key` inside a nested group (`inbox.text`). */
const keysOf = (catalogue: Catalogue, prefix = ''): string[] =>
  Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

// The inbox builds `inbox.text.<kind>` from each item's kind, and a festival's text nests
// `inbox.festival.<code>`: keys the code names only through a variable.
const CARE_KINDS = [
  ReminderKind.BIRTHDAY,
  ReminderKind.FESTIVAL,
  ReminderKind.FOUNDING_ANNIVERSARY,
  ReminderKind.HANDOVER_INTRODUCTION,
];
const inboxKeys = [
  ...CARE_KINDS.map((kind) => `inbox.text.${kind}`),
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
    expect(difference([...used, ...errorKeys, ...inboxKeys], keysOf(en))).toEqual([]);
    expect(difference(keysOf(en), [...used, ...errorKeys, ...inboxKeys])).toEqual([]);
  });

  it.each([
    ['en', 'Mid-Autumn Festival on 2027-09-15: greet your 2 key persons (周总、李工)'],
    ['zh-CN', '2027-09-15 中秋节：向 2 位关键人物致以节日问候（周总、李工）'],
  ] as const)('%s: an inbox text names the festival of its code', (locale, expected) => {
    const i18n = createI18n(locale);
    const params = { festival: 'MID_AUTUMN', date: '2027-09-15', days: 3, count: 2, names: '周总、李工' };
    expect(i18n.t('inbox.text.FESTIVAL', params)).toBe(expected);
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
