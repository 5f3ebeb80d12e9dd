import {
  AbcClass,
  CustomerNature,
  CustomerOrderField,
  RiskCode,
  RiskLevel,
  SortDirection,
  StaffRole,
} from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { readListParams, variablesOf, withOwner, withParam } from './listParams';

const read = (query: string, role = StaffRole.SALES_REP) => readListParams(new URLSearchParams(query), role);

describe('the customer list URL', () => {
  it.each([
    ['a rep', StaffRole.SALES_REP, 'mine'],
    ['a manager', StaffRole.SALES_MANAGER, 'all'],
    ['an analyst', StaffRole.ANALYST, 'all'],
  ])('starts %s on %s customers', (_who, role, owner) => {
    expect(read('', role).owner).toBe(owner);
  });

  const rep7 = 'U3RhZmY6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDA3';
  it.each([
    ['owner=<id>', `owner=${rep7}`, StaffRole.SALES_REP, rep7],
    ['owner=<id> over an old scope', `scope=mine&owner=${rep7}`, StaffRole.SALES_MANAGER, rep7],
    ['owner=all for a rep', 'owner=all', StaffRole.SALES_REP, 'all'],
    ['owner=mine for a manager', 'owner=mine', StaffRole.SALES_MANAGER, 'mine'],
    ["a bookmark's scope=all", 'scope=all', StaffRole.SALES_REP, 'all'],
    ["a bookmark's scope=mine", 'scope=mine', StaffRole.SALES_MANAGER, 'mine'],
    ['an owner no API issued, as the role default', 'owner=%3Cscript%3E', StaffRole.SALES_MANAGER, 'all'],
    ['an empty owner, as the scope', 'owner=&scope=mine', StaffRole.SALES_MANAGER, 'mine'],
  ])('reads %s', (_case, query, role, owner) => {
    expect(read(query, role).owner).toBe(owner);
  });

  it.each([
    ['', { filter: { ownerId: 'me' }, orderBy: { field: 'NAME', direction: 'ASC' } }],
    ['scope=all', { filter: {}, orderBy: { field: 'NAME', direction: 'ASC' } }],
    [
      'q=%20张伟%20&nature=COMPANY&abc=A&risk=HIGH&region=华东&sort=REVENUE&dir=DESC',
      {
        filter: {
          search: '张伟',
          ownerId: 'me',
          nature: [CustomerNature.COMPANY],
          abcClass: [AbcClass.A],
          riskLevel: [RiskLevel.HIGH],
          region: ['华东'],
        },
        orderBy: { field: CustomerOrderField.REVENUE, direction: SortDirection.DESC },
      },
    ],
    [
      'scope=all&salesCapacity=HIGH&reputation=GOOD&serviceArea=%20华东%20&cooperationIntent=EAGER&businessStyle=',
      {
        filter: { characteristics: { serviceArea: '华东', salesCapacity: ['HIGH'], reputation: ['GOOD'] } },
        orderBy: { field: 'NAME', direction: 'ASC' },
      },
    ],
    // Values a hand-edited URL may hold that the API does not know are ignored, not sent.
    [
      'nature=CASTLE&sort=SIZE&dir=UP&scope=everyone',
      { filter: { ownerId: 'me' }, orderBy: { field: 'NAME', direction: 'ASC' } },
    ],
    ['owner=mine', { filter: { ownerId: 'me' }, orderBy: { field: 'NAME', direction: 'ASC' } }],
    [
      'owner=all&competitor=Q29tcGV0aXRvcjox',
      { filter: { competitorId: 'Q29tcGV0aXRvcjox' }, orderBy: { field: 'NAME', direction: 'ASC' } },
    ],
    ['owner=all&competitor=%3Cb%3E', { filter: {}, orderBy: { field: 'NAME', direction: 'ASC' } }],
    ['owner=all&scope=mine', { filter: {}, orderBy: { field: 'NAME', direction: 'ASC' } }],
    [
      'owner=U3RhZmY6NQ&risk=HIGH',
      {
        filter: { ownerId: 'U3RhZmY6NQ', riskLevel: [RiskLevel.HIGH] },
        orderBy: { field: 'NAME', direction: 'ASC' },
      },
    ],
    [
      'owner=U3RhZmY6NQ&signal=STALE_DOSSIER',
      {
        filter: { ownerId: 'U3RhZmY6NQ', riskSignals: [RiskCode.STALE_DOSSIER] },
        orderBy: { field: 'NAME', direction: 'ASC' },
      },
    ],
    ['signal=SLEEPY', { filter: { ownerId: 'me' }, orderBy: { field: 'NAME', direction: 'ASC' } }],
  ])('?%s asks the API for %j', (query, variables) => {
    expect(variablesOf(read(query), 'me')).toEqual(variables);
  });

  it('drops a parameter set back to its empty value and keeps the others', () => {
    const params = new URLSearchParams('q=acme&tier=IMPORTANT');
    expect(withParam(params, 'tier', '').toString()).toBe('q=acme');
    expect(withParam(params, 'sort', 'CODE').toString()).toBe('q=acme&tier=IMPORTANT&sort=CODE');
    expect(params.toString()).toBe('q=acme&tier=IMPORTANT');
  });

  it.each([
    ['scope=mine&q=acme', 'U3RhZmY6NQ', 'q=acme&owner=U3RhZmY6NQ'],
    ['owner=U3RhZmY6NQ&q=acme', 'all', 'owner=all&q=acme'],
    ['q=acme', 'mine', 'q=acme&owner=mine'],
  ])('from ?%s, choosing owner %s gives ?%s', (query, owner, expected) => {
    expect(withOwner(new URLSearchParams(query), owner).toString()).toBe(expected);
  });
});

describe('customers with orders, from a slice of the sales composition', () => {
  const product = 'UHJvZHVjdDox';
  const period = 'orderedFrom=2026-01-01&orderedTo=2026-03-31';
  it.each([
    ['a period', period, { from: '2026-01-01', to: '2026-03-31' }],
    [
      'a product, a category and a region',
      `${period}&product=${product}&category=Hardware&orderRegion=%E5%8D%8E%E4%B8%9C`,
      { from: '2026-01-01', to: '2026-03-31', productId: product, category: 'Hardware', region: '华东' },
    ],
    [
      'a product no API issued, left out',
      `${period}&product=%3Cb%3E`,
      { from: '2026-01-01', to: '2026-03-31' },
    ],
    ['no end day: no filter', 'orderedFrom=2026-01-01&category=Hardware', undefined],
    ['a day that is not one: no filter', 'orderedFrom=2026-1-1&orderedTo=2026-03-31', undefined],
  ])('%s', (_case, query, ordered) => {
    expect(variablesOf(read(query, StaffRole.SALES_MANAGER), undefined).filter?.ordered).toEqual(ordered);
  });
});
