import { describe, expect, it } from 'vitest';
import { parseShare, sharesFitWallet, walletLeft } from './competitor-share.js';

describe('parseShare', () => {
  it.each([
    ['0', { ok: true, hundredths: 0n }],
    ['12.5', { ok: true, hundredths: 1250n }],
    ['100', { ok: true, hundredths: 10000n }],
    ['100.00', { ok: true, hundredths: 10000n }],
    ['100.01', { ok: false, problem: 'OUT_OF_RANGE' }],
    ['-1', { ok: false, problem: 'OUT_OF_RANGE' }],
    ['12.345', { ok: false, problem: 'NOT_A_PERCENTAGE' }],
    ['abc', { ok: false, problem: 'NOT_A_PERCENTAGE' }],
  ])('%s', (value, expected) => {
    expect(parseShare(value)).toEqual(expected);
  });
});

describe('sharesFitWallet', () => {
  it.each([
    [[], true],
    [['60', '40'], true],
    [['60', '40.01'], false],
    [['33.33', '33.33', '33.34'], true],
    [[null, '100'], true],
    [['101'], false],
  ] as const)('%j → %s', (shares, fits) => {
    expect(sharesFitWallet(shares)).toBe(fits);
  });
});

describe('walletLeft', () => {
  it.each([
    [[], '100.00'],
    [['62.5', null], '37.50'],
    [['60', '40'], '0.00'],
  ] as const)('%j → %s', (shares, left) => {
    expect(walletLeft(shares)).toBe(left);
  });
});
