import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ArchiveInspectionDocument,
  ArchiveInspectionsDocument,
  CheckArchiveInspectionFindingDocument,
  GenerateArchiveInspectionDocument,
  ViewerDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';

const archivist = { __typename: 'Staff', id: 'Staff:5', name: '陈档案', role: 'ARCHIVIST' };
const viewer = { request: { query: ViewerDocument }, result: { data: { me: archivist } } };

const summary = (open: number, checked: number) => ({
  __typename: 'ArchiveInspection',
  id: 'ArchiveInspection:1',
  period: '2027-03',
  generatedAt: '2027-02-28T23:00:00Z',
  openCount: open,
  checkedCount: checked,
});

const finding = (id: string, kind: string, title: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'ArchiveInspectionItem',
  id,
  version: 1,
  kind,
  title,
  level: 'INTERNAL',
  borrowerName: null,
  dueAt: null,
  retentionEndedOn: null,
  destructionApprovedAt: null,
  note: null,
  checkedAt: null,
  checkedBy: null,
  document: {
    __typename: 'Document',
    id: `Document:${id}`,
    customer: { __typename: 'Customer', id: 'Customer:1', name: '华东机电' },
  },
  ...extra,
});

const overdue = finding('F2', 'LOAN_OVERDUE', '借出方案', {
  borrowerName: '借阅代表',
  dueAt: '2027-02-22T02:00:00Z',
});
const findings = [
  finding('F1', 'DESTRUCTION_PENDING', '2015年方案', { retentionEndedOn: '2025-01-01' }),
  overdue,
  finding('F3', 'NO_RETENTION', '无期限方案'),
];
const checked = {
  ...overdue,
  version: 2,
  note: '已催还',
  checkedAt: '2027-03-02T02:00:00Z',
  checkedBy: { __typename: 'Staff', id: archivist.id, name: archivist.name },
};

const inspection = (open: number, done: number, items: unknown[]) => ({
  request: { query: ArchiveInspectionDocument, variables: { id: 'ArchiveInspection:1' } },
  result: { data: { archiveInspection: { ...summary(open, done), findings: items } } },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the archive inspection pages', () => {
  it("lists the inspections and draws up the current period's on demand", async () => {
    // 1 March 2027 has begun in Beijing, not yet in UTC: the button offers the March period.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-02-28T17:00:00Z'));
    const september = { ...summary(0, 4), id: 'ArchiveInspection:0', period: '2026-09' };
    renderApp('/archive-inspections', {
      mocks: [
        viewer,
        {
          request: { query: ArchiveInspectionsDocument },
          result: {
            data: {
              businessTimeZone: 'Asia/Shanghai',
              archiveInspections: { __typename: 'ArchiveInspectionConnection', nodes: [september] },
            },
          },
        },
        {
          request: { query: GenerateArchiveInspectionDocument, variables: { period: '2027-03' } },
          result: { data: { generateArchiveInspection: summary(3, 0) } },
        },
        {
          request: { query: ArchiveInspectionsDocument },
          result: {
            data: {
              businessTimeZone: 'Asia/Shanghai',
              archiveInspections: {
                __typename: 'ArchiveInspectionConnection',
                nodes: [summary(3, 0), september],
              },
            },
          },
        },
        inspection(3, 0, findings),
      ],
    });
    const row = await screen.findByRole('row', { name: /2026-09/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .slice(1)
        .map((cell) => cell.textContent),
    ).toEqual(['0', '4']);
    fireEvent.click(screen.getByRole('button', { name: 'Draw up the 2027-03 inspection' }));
    expect(await screen.findByRole('heading', { name: 'Archive inspection 2027-03' })).toBeTruthy();
    expect(screen.getByText('3 open · 0 checked')).toBeTruthy();
  });

  it('groups the findings by kind and ticks one with a note in two taps: the open count drops', async () => {
    renderApp('/archive-inspections/ArchiveInspection%3A1', {
      mocks: [
        viewer,
        inspection(3, 0, findings),
        {
          request: {
            query: CheckArchiveInspectionFindingDocument,
            variables: { id: 'F2', expectedVersion: 1, note: '已催还' },
          },
          result: { data: { checkArchiveInspectionFinding: checked } },
        },
        inspection(2, 1, [findings[0], checked, findings[2]]),
      ],
    });
    expect(await screen.findByText('3 open · 0 checked')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'No retention period (1)',
      'Loan overdue (1)',
      'Destruction pending (1)',
    ]);
    const item = screen.getByRole('listitem', { name: '借出方案' });
    expect(within(item).getByText(/^Lent to 借阅代表, due back/)).toBeTruthy();

    fireEvent.click(within(item).getByRole('button', { name: 'Mark checked' }));
    fireEvent.change(within(item).getByLabelText('Note on 借出方案'), { target: { value: ' 已催还 ' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Confirm' }));

    expect(await screen.findByText('2 open · 1 checked')).toBeTruthy();
    const done = screen.getByRole('listitem', { name: '借出方案' });
    expect(within(done).getByText(/^Checked by 陈档案/)).toBeTruthy();
    expect(within(done).getByText('已催还')).toBeTruthy();
    expect(within(done).queryByRole('button', { name: 'Mark checked' })).toBeNull();
  });

  it('reads in Chinese', async () => {
    renderApp('/archive-inspections/ArchiveInspection%3A1', {
      language: 'zh-CN',
      mocks: [viewer, inspection(3, 0, findings)],
    });
    expect(await screen.findByRole('heading', { name: '2027-03 档案检查' })).toBeTruthy();
    expect(screen.getByText('未核查 3 项 · 已核查 0 项')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '借阅逾期未还 (1)' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '标记为已核查' })).toHaveLength(3);
  });
});
