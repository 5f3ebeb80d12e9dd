import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  GenerateMonthlyReportDocument,
  MonthlyReportsDocument,
  ReportTeamsDocument,
  ViewerDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';
import { lastClosedMonth } from './GenerateReport';

const admin = { __typename: 'Staff', id: 'staff-1', name: '陈静', role: 'ADMIN' };
const manager = { __typename: 'Staff', id: 'staff-2', name: '王强', role: 'SALES_MANAGER' };
const report = (extra: Record<string, unknown> = {}) => ({
  __typename: 'MonthlyReport',
  id: 'report-1',
  month: '2027-02',
  version: 1,
  generatedAt: '2027-03-01T06:00:00.000Z',
  pdfUrl: '/monthly-reports/1/pdf',
  xlsxUrl: '/monthly-reports/1/xlsx',
  teamManager: null,
  generatedBy: null,
  ...extra,
});
const list = (...reports: unknown[]) => ({
  request: { query: MonthlyReportsDocument },
  result: { data: { monthlyReports: { __typename: 'MonthlyReportConnection', nodes: reports } } },
});
const teams = {
  request: { query: ReportTeamsDocument },
  result: {
    data: {
      staffMembers: {
        __typename: 'StaffConnection',
        nodes: [{ __typename: 'Staff', id: 'staff-2', name: '王强' }],
      },
    },
  },
};

describe('the reports page', () => {
  // The newest month offered is the one before today's: today is pinned (only Date, so Apollo's timers run).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-10T04:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists each report by month and scope with its PDF and XLSX', async () => {
    renderApp('/reports', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me: admin } } },
        list(
          report(),
          report({
            id: 'report-2',
            pdfUrl: '/monthly-reports/2/pdf',
            xlsxUrl: '/monthly-reports/2/xlsx',
            teamManager: { __typename: 'Staff', id: 'staff-2', name: '王强' },
            generatedBy: { __typename: 'Staff', id: 'staff-2', name: '王强' },
            version: 2,
          }),
        ),
        teams,
      ],
    });
    await screen.findByRole('heading', { name: 'Monthly reports' });
    const company = screen.getByRole('link', { name: 'PDF of 2027-02 Company' });
    expect(company.getAttribute('href')).toBe('/monthly-reports/1/pdf');
    expect(screen.getByRole('link', { name: "XLSX of 2027-02 王强's team" }).getAttribute('href')).toBe(
      '/monthly-reports/2/xlsx',
    );
    const row = company.closest('tr') as HTMLElement;
    expect(within(row).getByText('Schedule').tagName).toBe('TD');
  });

  it('an admin generates a chosen month for a chosen team, and the list shows it', async () => {
    renderApp('/reports', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me: admin } } },
        list(),
        teams,
        {
          request: {
            query: GenerateMonthlyReportDocument,
            variables: { month: '2026-12', teamManagerId: 'staff-2' },
          },
          result: { data: { generateMonthlyReport: report({ month: '2026-12' }) } },
        },
        list(report({ month: '2026-12' })),
      ],
    });
    expect(await screen.findByText('No reports yet.')).toBeTruthy();
    expect((screen.getByLabelText('Month') as HTMLInputElement).value).toBe('2027-02');
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2026-12' } });
    await screen.findByRole('option', { name: "王强's team" });
    fireEvent.change(screen.getByLabelText('Scope'), { target: { value: 'staff-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect((await screen.findByRole('status')).textContent).toBe('The report of 2026-12 is ready.');
    expect(await screen.findByRole('link', { name: 'PDF of 2026-12 Company' })).toBeTruthy();
  });

  it('a manager generates their own team’s report, in Chinese, with no scope to choose', async () => {
    renderApp('/reports', {
      language: 'zh-CN',
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me: manager } } },
        list(),
        {
          request: {
            query: GenerateMonthlyReportDocument,
            variables: { month: '2027-01', teamManagerId: 'staff-2' },
          },
          result: { data: { generateMonthlyReport: report({ month: '2027-01' }) } },
        },
        list(),
      ],
    });
    await screen.findByRole('heading', { name: '月度报告' });
    expect(screen.queryByLabelText('范围')).toBeNull();
    fireEvent.change(screen.getByLabelText('月份'), { target: { value: '2027-01' } });
    fireEvent.click(screen.getByRole('button', { name: '生成' }));
    expect((await screen.findByRole('status')).textContent).toBe('2027-01 的报告已生成。');
  });
});

describe('lastClosedMonth', () => {
  it.each([
    ['2027-03-01', '2027-02'],
    ['2027-01-15', '2026-12'],
    ['2026-12-31', '2026-11'],
  ])('on %s it is %s', (today, month) => {
    expect(lastClosedMonth(today)).toBe(month);
  });
});
