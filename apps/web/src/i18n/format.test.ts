import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatBytes,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatYears,
} from './format';
import type { Language } from './language';

describe('formatNumber', () => {
  const cases: Array<[Parameters<typeof formatNumber>[0], Language, string]> = [
    [1234567.5, 'en', '1,234,567.5'],
    [1234567.5, 'zh-CN', '1,234,567.5'],
    [12345678901234567890n, 'en', '12,345,678,901,234,567,890'],
    // Beyond a double's precision: a Decimal string keeps every digit.
    ['12345678901234567.89', 'zh-CN', '12,345,678,901,234,567.89'],
  ];

  it.each(cases)('%s in %s → %s', (value, language, expected) => {
    expect(formatNumber(value, language)).toBe(expected);
  });
});

describe('formatMoney', () => {
  const cases: Array<[Parameters<typeof formatMoney>[0], Language, string]> = [
    ['1234567.5', 'zh-CN', '¥1,234,567.50'],
    ['1234567.5', 'en', 'CN¥1,234,567.50'],
    ['-0.5', 'zh-CN', '-¥0.50'],
    [0, 'en', 'CN¥0.00'],
  ];

  it.each(cases)('%s in %s → %s', (amount, language, expected) => {
    expect(formatMoney(amount, language)).toBe(expected);
  });
});

describe('formatPercent', () => {
  const cases: Array<[Parameters<typeof formatPercent>[0], Language, string]> = [
    ['0.125', 'en', '12.5%'],
    ['0.0500', 'zh-CN', '5%'],
    ['0', 'en', '0%'],
  ];

  it.each(cases)('%s in %s → %s', (fraction, language, expected) => {
    expect(formatPercent(fraction, language)).toBe(expected);
  });
});

describe('formatDate', () => {
  it('shows a calendar day as that day in each language', () => {
    expect([formatDate('2026-12-31', 'zh-CN'), formatDate('2026-12-31', 'en')]).toEqual([
      '2026年12月31日',
      'Dec 31, 2026',
    ]);
  });
});

describe('formatDateTime', () => {
  it('shows an instant in the given time zone: 16:30 UTC on New Year’s Eve is already 2027 in Shanghai', () => {
    expect([
      formatDateTime('2026-12-31T16:30:00Z', 'zh-CN', 'Asia/Shanghai'),
      formatDateTime('2026-12-31T16:30:00Z', 'zh-CN', 'UTC'),
    ]).toEqual(['2027年1月1日 00:30', '2026年12月31日 16:30']);
  });
});

describe('formatBytes', () => {
  it.each([
    [1, 'en', '1 byte'],
    [63, 'en', '63 bytes'],
    [63, 'zh-CN', '63字节'],
    [1_258_291, 'en', '1.2 MB'],
    [2_560, 'en', '2.5 kB'],
    [25 * 1024 * 1024, 'en', '25 MB'],
    [1_572_864, 'zh-CN', '1.5 MB'],
    [5_000_000_000, 'en', '4.7 GB'],
  ] as const)('shows %i bytes in %s as %s', (bytes, language, expected) => {
    expect(formatBytes(bytes, language)).toBe(expected);
  });
});

describe('formatYears', () => {
  it.each([
    [1, 'en', '1 year'],
    [10, 'en', '10 years'],
    [10, 'zh-CN', '10年'],
  ] as const)('shows %i years in %s as %s', (years, language, expected) => {
    expect(formatYears(years, language)).toBe(expected);
  });
});

describe('formatAge', () => {
  it.each([
    [0, 'en', '0 minutes'],
    [59 * 60 + 59, 'en', '59 minutes'],
    [12 * 60, 'zh-CN', '12分钟'],
    [3_600, 'en', '1 hour'],
    [5 * 3_600 + 59 * 60, 'en', '5 hours'],
    [5 * 3_600, 'zh-CN', '5小时'],
    [24 * 3_600, 'en', '1 day'],
    [(2 * 24 + 23) * 3_600, 'en', '2 days'],
    [2 * 24 * 3_600, 'zh-CN', '2天'],
  ] as const)('shows %i seconds in %s as %s', (seconds, language, expected) => {
    expect(formatAge(seconds, language)).toBe(expected);
  });
});
