import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CustomersRouteDocument, ViewerDocument } from '../../apollo/generated';
import { renderApp } from '../../test/render';

const rep = { __typename: 'Staff', id: 's1', name: '魏丽', role: 'SALES_REP' };

const row = (id: string, name: string, uncovered: number, keyPersonCount = 3) => ({
  __typename: 'Customer',
  id,
  name,
  code: `C-${id}`,
  city: '上海',
  owner: { __typename: 'Staff', id: 's1', name: '魏丽' },
  abc: { __typename: 'AbcGrade', class: 'A' },
  risk: { __typename: 'RiskAssessment', level: 'HIGH' },
  relationshipMap: {
    __typename: 'RelationshipMap',
    coverage: {
      __typename: 'RelationshipCoverage',
      keyPersonCount,
      uncoveredDecisionMakers: Array.from({ length: uncovered }, (_, i) => ({
        __typename: 'KeyPerson',
        id: `${id}-k${i}`,
      })),
    },
  },
});

const list = (variables: object, nodes: object[], totalCount = nodes.length) => ({
  request: { query: CustomersRouteDocument, variables },
  result: {
    data: {
      customers: {
        __typename: 'CustomerConnection',
        totalCount,
        nodes,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  },
});

const byName = { field: 'NAME', direction: 'ASC' };

describe('the customer list', () => {
  it('starts a rep on their own customers with ABC, risk and coverage on each row; filters go to the URL', async () => {
    const { router } = await act(async () =>
      renderApp('/customers', {
        mocks: [
          { request: { query: ViewerDocument }, result: { data: { me: rep } } },
          list(
            { filter: { ownerId: 's1' }, orderBy: byName },
            [row('c1', '同创电力', 2), row('c2', '明辉电子', 0), row('c3', '星海环保', 0, 0)],
            74,
          ),
          list({ filter: { ownerId: 's1', riskLevel: ['HIGH'] }, orderBy: byName }, [
            row('c1', '同创电力', 2),
          ]),
        ],
      }),
    );

    expect((await screen.findByText('Total: 74')).getAttribute('role')).toBe('status');
    const rows = screen.getAllByRole('link').filter((link) => link.className === 'customer-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '同创电力C-c1 · 上海 · 魏丽Class AHigh! 2 decision makers not covered',
      '明辉电子C-c2 · 上海 · 魏丽Class AHigh✓ Decision makers covered',
      '星海环保C-c3 · 上海 · 魏丽Class AHighNo key persons yet',
    ]);
    expect(rows[0]?.getAttribute('href')).toBe('/customers/c1/basic');
    expect((screen.getByLabelText('Show') as HTMLSelectElement).value).toBe('mine');

    await act(async () => {
      fireEvent.change(screen.getByLabelText('Risk'), { target: { value: 'HIGH' } });
    });
    expect(router.state.location.search).toBe('?risk=HIGH');
    expect((await screen.findByText('Total: 1')).getAttribute('role')).toBe('status');
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(1);
  });
});
