import { AbcClass, RiskCode, RiskLevel } from '@dossier/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { CoverageTable } from './CoverageTable';
import { MovementMatrix } from './MovementMatrix';
import { RiskCustomers } from './RiskCustomers';

const { A, B, C } = AbcClass;

describe('the movement matrix', () => {
  const movements = [
    { __typename: 'AbcMovement' as const, from: A, to: A, customers: 10 },
    { __typename: 'AbcMovement' as const, from: A, to: C, customers: 2 },
    { __typename: 'AbcMovement' as const, from: C, to: B, customers: 3 },
    { __typename: 'AbcMovement' as const, from: null, to: C, customers: 7 },
  ];

  it('reads as rows of the class before and columns of the class now, with the moves up and down counted', async () => {
    renderWithProviders(<MovementMatrix movements={movements} range="2026" />, { language: 'zh-CN' });
    const table = await screen.findByRole('table', { name: /上一个等长期间的类别/ });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['', '现 A类客户', '现 B类客户', '现 C类客户'],
      ['原 A类客户', '10', '0', '2'],
      ['原 B类客户', '0', '0', '0'],
      ['原 C类客户', '0', '3', '0'],
      ['新客户', '0', '0', '7'],
    ]);
    expect(screen.getByText('↑ 3 家升级')).toBeTruthy();
    expect(screen.getByText('↓ 2 家降级')).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载 XLSX' })).toBeTruthy();
  });
});

describe('the risk table', () => {
  const row = {
    __typename: 'Customer' as const,
    id: 'Q3VzdG9tZXI6MQ==',
    code: 'C000001',
    name: 'Acme Steel',
    region: 'East',
    owner: { __typename: 'Staff' as const, id: 's1', name: 'Li Wei' },
    risk: {
      __typename: 'RiskAssessment' as const,
      level: RiskLevel.HIGH,
      score: 110,
      signals: [
        {
          __typename: 'RiskSignal' as const,
          code: RiskCode.OVERDUE_RECEIVABLE,
          level: RiskLevel.HIGH,
          message: 'Overdue receivables of 12,500.00, oldest 95 days past due',
        },
        {
          __typename: 'RiskSignal' as const,
          code: RiskCode.STALE_DOSSIER,
          level: RiskLevel.MEDIUM,
          message: 'Dossier not reviewed for 130 days (last review 2026-07-22)',
        },
      ],
    },
  };

  it('gives each customer a link to its dossier and every signal its reason', async () => {
    renderWithProviders(<RiskCustomers rows={[row]} fileName="risk" />);
    const link = await screen.findByRole('link', { name: 'Acme Steel' });
    expect(link.getAttribute('href')).toBe('/customers/Q3VzdG9tZXI6MQ%3D%3D/basic');
    const cells = within(screen.getByRole('table', { name: 'Risk customers' }))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'Acme Steel',
      'C000001',
      'Li Wei',
      'East',
      'High',
      'Overdue receivables of 12,500.00, oldest 95 days past dueDossier not reviewed for 130 days (last review 2026-07-22)',
    ]);
  });
});

describe('the coverage table', () => {
  const row = (owner: { id: string; name: string } | null, scores: number[], averageScore: number) => ({
    __typename: 'CoverageSummaryRow' as const,
    owner: owner && { __typename: 'Staff' as const, ...owner },
    customers: scores.reduce((a, b) => a + b, 0),
    score0: scores[0] ?? 0,
    score1: scores[1] ?? 0,
    score2: scores[2] ?? 0,
    score3: scores[3] ?? 0,
    averageScore,
  });

  it("counts each rep's customers by score, with the scale spelt out and the unowned customers named", async () => {
    renderWithProviders(
      <CoverageTable
        rows={[row({ id: 's1', name: 'Li Wei' }, [1, 2, 3, 4], 2), row(null, [2, 0, 0, 1], 1 / 3)]}
        ownerSearch={(id) => `?coverageOwner=${id}`}
      />,
      { language: 'zh-CN' },
    );
    const table = await screen.findByRole('table', { name: '决策者覆盖' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['负责人', '客户数', '0 分', '1 分', '2 分', '3 分', '平均分'],
      ['Li Wei', '10', '1', '2', '3', '4', '2'],
      ['无负责人', '3', '2', '0', '0', '1', '0.33'],
    ]);
    const legend = [...document.querySelectorAll('.coverage-legend div')].map((d) => d.textContent);
    expect(legend).toEqual([
      '0无在职关键人物',
      '1有关键人物，但未知决策者',
      '2已知决策者，但有决策者未覆盖（与我方在职员工无“积极的”关系）',
      '3决策者均已覆盖',
    ]);
    // a rep's name narrows the uncovered list to that rep
    expect(within(table).getByRole('link', { name: 'Li Wei' }).getAttribute('href')).toBe(
      '/?coverageOwner=s1',
    );
    expect(screen.getByRole('button', { name: '下载 XLSX' })).toBeTruthy();
  });
});
