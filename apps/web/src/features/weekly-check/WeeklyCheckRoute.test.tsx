import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  CheckDossierDocument,
  ReturnDossierDocument,
  ViewerDocument,
  WeeklyCheckDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';

const manager = { __typename: 'Staff', id: 'Staff:2', name: '王经理', role: 'SALES_MANAGER' };
const WEEK = '2026-11-30';

const verdict = (verdict: 'CHECKED' | 'RETURNED', comment: string | null, version = 1) => ({
  __typename: 'WeeklyCheck',
  id: `WeeklyCheck:${comment}`,
  version,
  weekStart: WEEK,
  verdict,
  comment,
  reviewedAt: '2026-12-07T02:00:00Z',
  manager: { __typename: 'Staff', id: manager.id, name: manager.name },
});

const row = (id: string, name: string, check: ReturnType<typeof verdict> | null) => ({
  __typename: 'WeeklyCheckRow',
  customer: { __typename: 'Customer', id, name },
  changes: 2,
  created: id === 'Customer:2',
  sections: ['BASIC', 'PEOPLE'],
  lastChangedAt: '2026-12-01T03:00:00Z',
  changedBy: [{ __typename: 'Staff', id: 'Staff:7', name: '李明' }],
  check,
});

const list = (week: string | null, rows: ReturnType<typeof row>[]) => ({
  request: { query: WeeklyCheckDocument, variables: { week } },
  result: {
    data: {
      weeklyCheck: {
        __typename: 'WeeklyCheckList',
        weekStart: WEEK,
        weekEnd: '2026-12-06',
        total: rows.length,
        unchecked: rows.filter((r) => r.check === null).length,
        checked: rows.filter((r) => r.check?.verdict === 'CHECKED').length,
        returned: rows.filter((r) => r.check?.verdict === 'RETURNED').length,
        rows,
      },
    },
  },
});

const viewer = { request: { query: ViewerDocument }, result: { data: { me: manager } } };
const count = (label: string) =>
  screen.getAllByRole('term').find((term) => term.textContent === label)?.nextElementSibling?.textContent;
const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('the weekly check page', () => {
  it('shows the previous week by default, with what each rep changed and the unchecked count', async () => {
    renderApp('/weekly-check', {
      mocks: [viewer, list(null, [row('Customer:1', '天河机电', null), row('Customer:2', '华夏物流', null)])],
    });
    await screen.findByRole('heading', { name: 'Weekly check' });
    expect(count('Unchecked')).toBe('2');
    expect((screen.getByLabelText('Week of') as HTMLInputElement).value).toBe(WEEK);
    const tianhe = rowOf('天河机电');
    expect(within(tianhe).getByText('李明')).toBeTruthy();
    expect(within(tianhe).getByText('Changes: 2')).toBeTruthy();
    expect(within(tianhe).getByText('Not checked yet')).toBeTruthy();
    expect(within(rowOf('华夏物流')).getByText('New')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Weekly check' })).toBeTruthy();
  });

  it('checks a dossier with a comment in two taps; the list then counts it checked', async () => {
    renderApp(`/weekly-check?week=${WEEK}`, {
      mocks: [
        viewer,
        list(WEEK, [row('Customer:1', '天河机电', null)]),
        {
          request: {
            query: CheckDossierDocument,
            variables: { customerId: 'Customer:1', weekStart: WEEK, comment: '联系人已补全', version: null },
          },
          result: { data: { checkDossier: verdict('CHECKED', '联系人已补全') } },
        },
        list(WEEK, [row('Customer:1', '天河机电', verdict('CHECKED', '联系人已补全'))]),
      ],
    });
    await screen.findByRole('heading', { name: 'Weekly check' });
    fireEvent.click(within(rowOf('天河机电')).getByRole('button', { name: 'Checked' }));
    fireEvent.change(screen.getByLabelText('Comment (optional)'), { target: { value: '联系人已补全' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign as checked' }));
    await waitFor(() => expect(count('Unchecked')).toBe('0'));
    // The signing form closes once the verdict is in; its comment then reads in the row.
    await waitFor(() => expect(screen.queryByLabelText('Comment (optional)')).toBeNull());
    expect(count('Checked')).toBe('1');
    expect(within(rowOf('天河机电')).getByText('Checked by 王经理')).toBeTruthy();
    expect(within(rowOf('天河机电')).getByText('联系人已补全')).toBeTruthy();
  });

  it('sends a dossier back only with a request, at the version of the verdict it replaces', async () => {
    renderApp(`/weekly-check?week=${WEEK}`, {
      language: 'zh-CN',
      mocks: [
        viewer,
        list(WEEK, [row('Customer:1', '天河机电', verdict('CHECKED', '好', 4))]),
        {
          request: {
            query: ReturnDossierDocument,
            variables: { customerId: 'Customer:1', weekStart: WEEK, request: '请补充决策人', version: 4 },
          },
          result: { data: { returnDossier: verdict('RETURNED', '请补充决策人', 5) } },
        },
        list(WEEK, [row('Customer:1', '天河机电', verdict('RETURNED', '请补充决策人', 5))]),
      ],
    });
    await screen.findByRole('heading', { name: '每周档案检查' });
    // Checked already: only sending back is offered.
    expect(within(rowOf('天河机电')).queryByRole('button', { name: '检查通过' })).toBeNull();
    fireEvent.click(within(rowOf('天河机电')).getByRole('button', { name: '退回' }));
    const confirm = screen.getByRole('button', { name: '退回给业务员' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('需要业务员做什么？'), { target: { value: '请补充决策人' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(within(rowOf('天河机电')).getByText('王经理 已退回')).toBeTruthy());
    expect(count('已退回')).toBe('1');
  });
});
