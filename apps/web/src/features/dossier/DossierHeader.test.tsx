import { useQuery } from '@apollo/client/react';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  DossierHeaderChangesSinceDocument,
  DossierRouteDocument,
  MarkCustomerReviewedDocument,
} from '../../apollo/generated';
import { renderWithProviders } from '../../test/render';
import { DossierHeader } from './DossierHeader';

const customer = (version: number, reviewedAt: string | null, tier = 'IMPORTANT', mayEdit = true) => ({
  __typename: 'Customer' as const,
  id: 'c1',
  name: '上海同创电力',
  code: 'C000237',
  version,
  mayEdit,
  reviewedAt,
  tier: tier as never,
  owner: { __typename: 'Staff' as const, id: 's1', name: '魏丽' },
  abc: { __typename: 'AbcGrade' as const, class: 'A' as never },
  risk: { __typename: 'RiskAssessment' as const, level: 'MEDIUM' as never },
  completeness: { __typename: 'Completeness' as const, score: 62, missing: [] },
});

const mark = (expectedVersion: number, result: object) => ({
  request: { query: MarkCustomerReviewedDocument, variables: { id: 'c1', expectedVersion } },
  result,
});

const read = (version: number, reviewedAt: string | null, tier?: string) => ({
  request: { query: DossierRouteDocument, variables: { id: 'c1' } },
  result: { data: { customer: customer(version, reviewedAt, tier) } },
});

const conflict = (currentVersion: number) =>
  new GraphQLError('changed', { extensions: { code: 'VERSION_CONFLICT', currentVersion } });

type Field = [
  field: string,
  before: string | null,
  after: string | null,
  names?: [string | null, string | null],
];

const change = (id: string, at: string, actor: string, fields: Field[]) => ({
  __typename: 'Change' as const,
  id,
  at,
  action: 'UPDATE',
  entityType: 'Customer',
  actor: { __typename: 'Staff' as const, id: `s-${actor}`, name: actor },
  changes: fields.map(([field, before, after, [beforeName, afterName] = [null, null]]) => ({
    __typename: 'FieldChange' as const,
    field,
    before,
    after,
    beforeName,
    afterName,
  })),
});

/** The newest `first` changes of the basic sheet, as the refused header asks for them. */
const changesSince = (first: number, nodes: object[]) => ({
  request: { query: DossierHeaderChangesSinceDocument, variables: { id: 'c1', first } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: 'c1',
        history: { __typename: 'ChangeConnection', nodes },
      },
    },
  },
});

/** The header as the dossier route renders it: from the cached customer, so a refetch shows. */
function Header() {
  const { data } = useQuery(DossierRouteDocument, { variables: { id: 'c1' } });
  return data?.customer ? <DossierHeader customer={data.customer} /> : null;
}

describe('DossierHeader', () => {
  it('offers an analyst or archivist no review, and says why', () => {
    renderWithProviders(<DossierHeader customer={customer(7, null, 'IMPORTANT', false)} />);
    const button = screen.getByRole('button', { name: 'Mark reviewed' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('dossier-read-only');
    expect(document.getElementById('dossier-read-only')?.textContent).toBe(
      'Your role reads dossiers and changes none.',
    );
  });

  it('offers a sales rep the review, with no read-only notice', () => {
    renderWithProviders(<DossierHeader customer={customer(7, null)} />);
    const button = screen.getByRole('button', { name: 'Mark reviewed' }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(screen.queryByText('Your role reads dossiers and changes none.')).toBeNull();
  });

  it('shows name, owner and classes; a refused "mark reviewed" shows what others saved since', async () => {
    await act(async () =>
      renderWithProviders(<Header />, {
        mocks: [
          read(7, null),
          mark(7, { errors: [conflict(9)] }),
          read(9, '2026-11-21T01:29:00Z'),
          // Two versions since the one read: the two newest changes, newest first.
          changesSince(2, [
            change('h9', '2026-11-21T01:29:00Z', '魏丽', [['reviewedAt', null, '2026-11-21T01:29:00Z']]),
            change('h8', '2026-11-20T08:00:00Z', '王经理', [
              ['ownerId', 'U3RhZmY6MQ', 'U3RhZmY6Mg', ['张伟', '魏丽']],
              ['creditLimit', '50000.00', '80000.00'],
            ]),
          ]),
        ],
      }),
    );

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('上海同创电力');
    expect(screen.getByText('C000237 · Owner: 魏丽 · Never reviewed').tagName).toBe('P');
    expect(
      within(screen.getByRole('list', { name: 'Classification' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Important', 'Class A', 'Medium']);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Mark reviewed' }));
    });
    const alert = await screen.findByRole('alert', { name: 'Someone changed this: reload and reapply.' });
    expect(within(alert).getByText('Changed since you opened this dossier:').tagName).toBe('P');
    const [reviewed, owner] = within(alert)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement?.parentElement?.className === 'conflict__changes')
      .map((item) => item.textContent);
    expect(reviewed).toMatch(/^Last reviewed: — → Nov 21, 2026, .+ · 魏丽 · Nov 21, 2026, /);
    expect(owner).toMatch(
      /^Owner: 张伟 → 魏丽Credit limit: CN¥50,000.00 → CN¥80,000.00 · 王经理 · Nov 20, 2026, /,
    );

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/ · Last reviewed Nov 21, 2026/).tagName).toBe('P');
  });

  it('shows in Chinese who changed the tier when that refused the review', async () => {
    await act(async () =>
      renderWithProviders(<Header />, {
        language: 'zh-CN',
        mocks: [
          read(7, null, 'GENERAL'),
          mark(7, { errors: [conflict(8)] }),
          read(8, null, 'IMPORTANT'),
          changesSince(1, [
            change('h8', '2026-11-20T08:00:00Z', '王经理', [['tier', 'GENERAL', 'IMPORTANT']]),
          ]),
        ],
      }),
    );
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: '标记已审阅' }));
    });
    const alert = await screen.findByRole('alert', { name: '他人已修改此内容：请刷新后重新提交。' });
    expect(alert.querySelector('.conflict__changes li')?.textContent).toMatch(
      /^客户档次：一般 → 重要 · 王经理 · 2026年11月20日 /,
    );
    // The header already shows the tier saved now.
    expect(screen.getByRole('list', { name: '分类' }).firstElementChild?.textContent).toBe('重要');
  });
});
