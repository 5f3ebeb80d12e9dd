import {
  AbcClass,
  CustomerNature,
  CustomerOrderField,
  RiskLevel,
  SortDirection,
  StaffRole,
} from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { readListParams, variablesOf, withParam } from './listParams';

const read = (query: string, role = StaffRole.SALES_REP) => readListParams(new URLSearchParams(query), role);

describe('the customer list URL', () => {
  it.each([
    ['a rep', StaffRole.SALES_REP, 'mine'],
    ['a manager', StaffRole.SALES_MANAGER, 'all'],
    ['an analyst', StaffRole.ANALYST, 'all'],
  ])('starts %s on %s customers', (_who, role, scope) => {
    expect(read('', role).scope).toBe(scope);
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
    // Values a hand-edited URL may hold that the API does not know are ignored, not sent.
    [
      'nature=CASTLE&sort=SIZE&dir=UP&scope=everyone',
      { filter: { ownerId: 'me' }, orderBy: { field: 'NAME', direction: 'ASC' } },
    ],
  ])('?%s asks the API for %j', (query, variables) => {
    expect(variablesOf(read(query), 'me')).toEqual(variables);
  });

  it('drops a parameter set back to its empty value and keeps the others', () => {
    const params = new URLSearchParams('q=acme&tier=IMPORTANT');
    expect(withParam(params, 'tier', '').toString()).toBe('q=acme');
    expect(withParam(params, 'sort', 'CODE').toString()).toBe('q=acme&tier=IMPORTANT&sort=CODE');
    expect(params.toString()).toBe('q=acme&tier=IMPORTANT');
  });
});
