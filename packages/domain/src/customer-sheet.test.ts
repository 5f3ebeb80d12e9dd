import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_SHEET_FIELDS,
  CustomerSheetLinkState,
  isSheetOption,
  SheetFieldKind,
  sheetDiff,
  sheetFieldOf,
  sheetLinkState,
} from './customer-sheet.js';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-30T08:00:00Z');

describe('sheetLinkState', () => {
  it.each([
    ['open until its expiry', { expiresAt: at('2026-11-30T08:00:01Z') }, CustomerSheetLinkState.OPEN],
    ['expired at its expiry', { expiresAt: NOW }, CustomerSheetLinkState.EXPIRED],
    ['revoked', { expiresAt: at('2026-12-01T00:00:00Z'), revokedAt: NOW }, CustomerSheetLinkState.REVOKED],
    [
      'submitted, even once past expiry',
      { expiresAt: at('2026-11-29T00:00:00Z'), submittedAt: at('2026-11-28T00:00:00Z') },
      CustomerSheetLinkState.SUBMITTED,
    ],
    [
      'revoked after expiry',
      { expiresAt: at('2026-11-29T00:00:00Z'), revokedAt: at('2026-11-29T01:00:00Z') },
      CustomerSheetLinkState.REVOKED,
    ],
  ])('%s', (_, moments, state) => {
    expect(sheetLinkState({ submittedAt: null, revokedAt: null, ...moments }, NOW)).toBe(state);
  });
});

describe('sheetDiff', () => {
  it('lists only the changed fields, in the sheet order, with both values', () => {
    const current = { name: '甲公司', city: '上海', phone: null, industry: '制造' };
    const proposed = { city: '苏州', name: '甲公司', phone: '021-1234', industry: '制造' };
    expect(sheetDiff(current, proposed)).toEqual([
      { field: 'city', current: '上海', proposed: '苏州' },
      { field: 'phone', current: null, proposed: '021-1234' },
    ]);
  });

  it('ignores fields that are not on the sheet', () => {
    expect(sheetDiff({ tier: 'GENERAL' }, { tier: 'IMPORTANT' })).toEqual([]);
  });
});

describe('the sheet fields', () => {
  it('are the basic sheet a customer may fill in, without what the company decides', () => {
    expect(CUSTOMER_SHEET_FIELDS.map((f) => f.field)).toEqual([
      'name',
      'nature',
      'industry',
      'city',
      'address',
      'phone',
      'website',
      'legalRepresentative',
      'foundedOn',
      'characteristics.serviceArea',
      'characteristics.businessScope',
      'characteristics.businessPhilosophy',
      'characteristics.businessStyle',
    ]);
  });

  it('hold the characteristics the customer describes, never our grades of them', () => {
    expect(sheetFieldOf('characteristics.businessScope')).toMatchObject({
      kind: SheetFieldKind.TEXT,
      label: { 'zh-CN': '经营范围', en: 'Business scope' },
      maxLength: 1000,
    });
    for (const graded of ['reputation', 'cooperationIntent', 'capitalStrength', 'growthPotential']) {
      expect(sheetFieldOf(`characteristics.${graded}`)).toBeUndefined();
    }
  });

  it('offer the nature values', () => {
    const nature = sheetFieldOf('nature');
    if (!nature) throw new Error('no nature');
    expect(isSheetOption(nature, 'COMPANY')).toBe(true);
    expect(isSheetOption(nature, 'toString')).toBe(false);
    expect(sheetFieldOf('creditLimit')).toBeUndefined();
  });
});
