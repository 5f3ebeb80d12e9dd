import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  CompetitorOptionsDocument,
  CustomersRouteDocument,
  OrderedChipProductDocument,
  OwnerOptionsDocument,
  ViewerDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';

const rep = { __typename: 'Staff', id: 's1', name: '魏丽', role: 'SALES_REP' };
const manager = { __typename: 'Staff', id: 's9', name: '赵总', role: 'SALES_MANAGER' };

const staff = (id: string, name: string, active = true, customerCount = 0) => ({
  __typename: 'Staff',
  id,
  name,
  active,
  customerCount,
});

/** The owner control's directory: one page of staff by name, and the chosen one when it is a person. */
const owners = (
  nodes: object[],
  {
    search = null,
    selected = null,
    hasNextPage = false,
  }: { search?: string | null; selected?: object | null; hasNextPage?: boolean } = {},
) => {
  const chosen = selected as { id: string } | null;
  return {
    request: {
      query: OwnerOptionsDocument,
      variables: { search, selected: chosen?.id ?? '', withSelected: chosen !== null },
    },
    result: {
      data: {
        staffMembers: {
          __typename: 'StaffConnection',
          nodes,
          pageInfo: { __typename: 'PageInfo', hasNextPage },
        },
        ...(chosen && { selected: chosen }),
      },
    },
  };
};
const directory = [
  staff('s9', '赵总'),
  staff('s1', '魏丽', true, 74),
  staff('s2', '孙强', true, 1),
  staff('s3', '钱进', false, 12),
];

const row = (id: string, name: string, uncovered: number, keyPersonCount = 3, score = 45) => ({
  __typename: 'Customer',
  id,
  name,
  code: `C-${id}`,
  city: '上海',
  owner: { __typename: 'Staff', id: 's1', name: '魏丽' },
  abc: { __typename: 'AbcGrade', class: 'A' },
  risk: { __typename: 'RiskAssessment', level: 'HIGH' },
  completeness: { __typename: 'Completeness', score },
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

/** The competitor filter reads the company's competitors whenever the list opens. */
const competitorOptions = {
  request: { query: CompetitorOptionsDocument },
  result: { data: { competitors: [{ __typename: 'Competitor', id: 'k1', name: '西门子', active: true }] } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const byName = { field: 'NAME', direction: 'ASC' };

describe('the customer list', () => {
  it('starts a rep on their own customers with ABC, risk and coverage on each row; filters go to the URL', async () => {
    const { router } = await act(async () =>
      renderApp('/customers', {
        mocks: [
          competitorOptions,
          { request: { query: ViewerDocument }, result: { data: { me: rep } } },
          owners(directory),
          list(
            { filter: { ownerId: 's1' }, orderBy: byName },
            [row('c1', '同创电力', 2), row('c2', '明辉电子', 0, 3, 88), row('c3', '星海环保', 0, 0, 12)],
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
      '同创电力C-c1 · 上海 · 魏丽Class AHigh45%! 2 decision makers not covered',
      '明辉电子C-c2 · 上海 · 魏丽Class AHigh88%✓ Decision makers covered',
      '星海环保C-c3 · 上海 · 魏丽Class AHigh12%No key persons yet',
    ]);
    expect(rows[0]?.getAttribute('href')).toBe('/customers/c1/basic');
    expect(within(rows[2] as HTMLElement).getByLabelText('Dossier completeness 12 of 100').className).toBe(
      'completeness completeness--poor',
    );
    expect((screen.getByLabelText('Owner') as HTMLSelectElement).value).toBe('mine');

    await act(async () => {
      fireEvent.change(screen.getByLabelText('Risk'), { target: { value: 'HIGH' } });
    });
    expect(router.state.location.search).toBe('?risk=HIGH');
    expect((await screen.findByText('Total: 1')).getAttribute('role')).toBe('status');
    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(1);
  });

  it("says why a list opened from the dashboard's composition is narrowed, and drops that filter on request", async () => {
    const product = 'UHJvZHVjdDox';
    const ordered = { from: '2026-01-01', to: '2026-03-31', productId: product, region: 'East' };
    const { router } = await act(async () =>
      renderApp(
        `/customers?orderedFrom=2026-01-01&orderedTo=2026-03-31&product=${product}&orderRegion=East`,
        {
          mocks: [
            competitorOptions,
            { request: { query: ViewerDocument }, result: { data: { me: manager } } },
            owners(directory),
            {
              request: { query: OrderedChipProductDocument, variables: { id: product } },
              result: { data: { node: { __typename: 'Product', id: product, name: 'Widget' } } },
            },
            list({ filter: { ordered }, orderBy: byName }, [row('c1', '同创电力', 0)]),
            list({ filter: {}, orderBy: byName }, [row('c1', '同创电力', 0), row('c2', '明辉电子', 0)]),
          ],
        },
      ),
    );

    expect((await screen.findByText('Total: 1')).getAttribute('role')).toBe('status');
    const chip = screen.getByTestId('ordered-filter');
    await screen.findByText('Ordered Jan 1, 2026 – Mar 31, 2026 · product Widget · sold in East');

    await act(async () => {
      fireEvent.click(within(chip).getByRole('button', { name: 'Remove the order filter' }));
    });
    expect(router.state.location.search).toBe('');
    expect((await screen.findByText('Total: 2')).getAttribute('role')).toBe('status');
    expect(screen.queryByTestId('ordered-filter')).toBeNull();
  });

  it('lets a manager pick any staff member, those who left apart, and keeps the pick in the URL', async () => {
    const sun = row('c7', '远航物流', 0);
    const { router } = await act(async () =>
      renderApp('/customers?scope=all', {
        mocks: [
          competitorOptions,
          { request: { query: ViewerDocument }, result: { data: { me: manager } } },
          owners(directory),
          list({ filter: {}, orderBy: byName }, [row('c1', '同创电力', 2), sun], 2),
          owners(directory, { selected: directory[2] }),
          list(
            { filter: { ownerId: 's2' }, orderBy: byName },
            [{ ...sun, owner: { __typename: 'Staff', id: 's2', name: '孙强' } }],
            1,
          ),
        ],
      }),
    );
    const select = (await screen.findByLabelText('Owner')) as HTMLSelectElement;
    await screen.findByRole('option', { name: '孙强 (1)' });
    expect(select.value).toBe('all');
    const groups = [...select.querySelectorAll('optgroup')].map((group) => [
      group.label,
      [...group.querySelectorAll('option')].map((option) => option.textContent),
    ]);
    expect(groups).toEqual([
      ['Staff', ['赵总 (0)', '魏丽 (74)', '孙强 (1)']],
      ['Left the company', ['钱进 (12)']],
    ]);
    // Ten staff fit in the select: no search box.
    expect(screen.queryByLabelText('Find an owner')).toBeNull();

    await act(async () => {
      fireEvent.change(select, { target: { value: 's2' } });
    });
    expect(router.state.location.search).toBe('?owner=s2');
    expect((await screen.findByText('Total: 1')).getAttribute('role')).toBe('status');
    expect(screen.getByRole('listitem').textContent).toContain('孙强');
    expect((screen.getByLabelText('Owner') as HTMLSelectElement).value).toBe('s2');
  });

  it('searches a directory larger than one page as the user types, keeping the chosen owner listed', async () => {
    const chosen = staff('s40', '周燕', true, 8);
    const firstPage = Array.from({ length: 50 }, (_, i) => staff(`s${100 + i}`, `员工${i}`));
    await act(async () =>
      renderApp('/customers?owner=s40', {
        mocks: [
          competitorOptions,
          { request: { query: ViewerDocument }, result: { data: { me: manager } } },
          owners(firstPage, { selected: chosen, hasNextPage: true }),
          list({ filter: { ownerId: 's40' }, orderBy: byName }, [], 0),
          owners([staff('s41', '吴刚', true, 3), staff('s42', '吴敏', false)], {
            search: '吴',
            selected: chosen,
          }),
        ],
      }),
    );
    const select = (await screen.findByLabelText('Owner')) as HTMLSelectElement;
    await screen.findByRole('option', { name: '员工49 (0)' });
    expect(select.value).toBe('s40');
    expect(within(select).getAllByRole('option')).toHaveLength(2 + 51);

    fireEvent.change(screen.getByLabelText('Find an owner'), { target: { value: ' 吴 ' } });
    await screen.findByRole('option', { name: '吴刚 (3)' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['My customers', 'All customers', '周燕 (8)', '吴刚 (3)', '吴敏 (0)']);
    expect(select.value).toBe('s40');
  });

  it('filters on a characteristic from the folded characteristics filters, in Chinese too', async () => {
    const { router } = await act(async () =>
      renderApp('/customers?owner=all', {
        language: 'zh-CN',
        mocks: [
          competitorOptions,
          { request: { query: ViewerDocument }, result: { data: { me: manager } } },
          owners(directory),
          list({ filter: {}, orderBy: byName }, [row('c1', '同创电力', 0), row('c2', '明辉电子', 0)]),
          list({ filter: { characteristics: { salesCapacity: ['HIGH'] } }, orderBy: byName }, [
            row('c1', '同创电力', 0),
          ]),
        ],
      }),
    );
    expect(await screen.findByText('共 2 个客户')).toBeTruthy();
    fireEvent.click(screen.getByText('客户特征'));
    await act(async () => {
      fireEvent.change(screen.getByLabelText('销售能力'), { target: { value: 'HIGH' } });
    });
    expect(router.state.location.search).toBe('?owner=all&salesCapacity=HIGH');
    expect(await screen.findByText('共 1 个客户')).toBeTruthy();
    expect(screen.getByText('客户特征（已设 1 项）')).toBeTruthy();
  });

  it('sorts by dossier completeness, least complete first, from the sort control', async () => {
    const { router } = await act(async () =>
      renderApp('/customers?owner=all', {
        mocks: [
          competitorOptions,
          { request: { query: ViewerDocument }, result: { data: { me: manager } } },
          owners(directory),
          list({ filter: {}, orderBy: byName }, [
            row('c1', '同创电力', 0, 3, 88),
            row('c2', '明辉电子', 0, 3, 12),
          ]),
          list({ filter: {}, orderBy: { field: 'COMPLETENESS', direction: 'ASC' } }, [
            row('c2', '明辉电子', 0, 3, 12),
            row('c1', '同创电力', 0, 3, 88),
          ]),
        ],
      }),
    );
    expect(await screen.findByText('Total: 2')).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'COMPLETENESS' } });
    });
    expect(router.state.location.search).toBe('?owner=all&sort=COMPLETENESS');
    const scores = () =>
      screen
        .getAllByRole('link')
        .filter((link) => link.className === 'customer-row')
        .map((r) => within(r).getByTitle('Completeness').textContent);
    await waitFor(() => expect(scores()).toEqual(['12%', '88%']));
  });
});
