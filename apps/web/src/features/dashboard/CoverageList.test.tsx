import { AbcClass } from '@dossier/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { CoverageList, coverageListVariables } from './CoverageList';

const row = (id: string, name: string, cls: AbcClass, coverageScore: number) => ({
  __typename: 'Customer' as const,
  id,
  code: id.toUpperCase(),
  name,
  owner: { __typename: 'Staff' as const, id: 's1', name: 'Li Wei' },
  abc: { __typename: 'AbcGrade' as const, class: cls, rank: 1 },
  coverageScore,
});

describe('the uncovered A and B customers', () => {
  it.each([
    ['en', ['1 · Key persons, but no decision maker known', '0 · No active key person on file']],
    ['zh-CN', ['1 · 有关键人物，但未知决策者', '0 · 无在职关键人物']],
  ] as const)('spell out each score in %s, and a name opens the dossier', async (language, scores) => {
    renderWithProviders(
      <CoverageList
        rows={[row('c1', 'Acme', AbcClass.A, 1), row('c2', 'Beta', AbcClass.B, 0)]}
        fileName="uncovered"
      />,
      { language },
    );
    const table = await screen.findByRole('table');
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(cells.map((c) => c.at(-1))).toEqual(scores);
    expect(cells.map((c) => c[0])).toEqual(['Acme', 'Beta']);
    expect(within(table).getByRole('link', { name: 'Acme' }).getAttribute('href')).toBe(
      '/customers/c1/basic',
    );
  });

  it('narrows to the rep of the URL, or lists every rep', () => {
    expect(coverageListVariables(new URLSearchParams('coverageOwner=U3RhZmY6MQ'))).toEqual({
      ownerId: 'U3RhZmY6MQ',
    });
    expect(coverageListVariables(new URLSearchParams('period=2025'))).toEqual({});
  });
});
