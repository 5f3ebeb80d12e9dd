import { describe, expect, it } from 'vitest';
import { localeFrom } from './locale.js';

describe('localeFrom', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5, zh;q=0.8', 'zh-CN'],
    ['fr-FR, zh;q=0.3, en;q=0.2', 'zh-CN'],
    ['de-DE', 'en'],
    ['zh;q=0, en', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(localeFrom(header)).toBe(expected);
  });
});
