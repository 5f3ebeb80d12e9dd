import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CreditTabDocument, RecordCreditReportDocument } from '../../../apollo/generated';
import { renderTab } from '../../../test/renderTab';
import { CreditTab } from './CreditTab';

const customerId = 'Customer:1';
const analyst = { __typename: 'Staff', id: 'Staff:9', name: '周敏' };

const report = (id: string, reportedAt: string, validUntil: string, expired: boolean) => ({
  __typename: 'CreditReport',
  id,
  reportedAt,
  validUntil,
  expired,
  rating: 'AA',
  recommendedLimit: '300000.00',
  summary: '经营稳定',
  author: analyst,
});

function tabMock(reports: ReturnType<typeof report>[]) {
  return {
    request: { query: CreditTabDocument, variables: { customerId } },
    result: {
      data: {
        customer: {
          __typename: 'Customer',
          id: customerId,
          creditLimit: '250000.00',
          creditReports: reports,
        },
      },
    },
  };
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

const input = {
  customerId,
  reportedAt: '2026-11-20',
  validUntil: '2027-05-20',
  rating: 'AAA',
  recommendedLimit: '500000',
  summary: null,
};

async function fillReport() {
  fireEvent.click(await screen.findByRole('button', { name: 'Record a credit report' }));
  const dialog = screen.getByRole('dialog', { name: 'Record a credit report' });
  fireEvent.change(within(dialog).getByLabelText('Report date'), { target: { value: input.reportedAt } });
  fireEvent.change(within(dialog).getByLabelText('Valid until'), { target: { value: input.validUntil } });
  fireEvent.change(within(dialog).getByLabelText('Rating'), { target: { value: 'AAA' } });
  fireEvent.change(within(dialog).getByLabelText('Recommended limit (CNY)'), { target: { value: '500000' } });
  return dialog;
}

describe('CreditTab', () => {
  it('lists the reports to an analyst or archivist and offers no recording', async () => {
    await renderTab(<CreditTab customerId={customerId} />, {
      mocks: [tabMock([report('CreditReport:3', '2026-10-01', '2026-12-31', false)])],
      mayEdit: false,
    });

    expect(await screen.findByText('Credit limit: CN¥250,000.00')).toBeTruthy();
    expect(bodyRows()).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Record a credit report' })).toBeNull();
  });

  it('lists the reports newest first and flags the expired ones as the server says', async () => {
    await renderTab(<CreditTab customerId={customerId} />, {
      mocks: [
        tabMock([
          report('CreditReport:2', '2026-03-01', '2026-09-01', true),
          report('CreditReport:1', '2025-01-10', '2025-07-10', true),
        ]),
      ],
    });

    expect(await screen.findByText('Credit limit: CN¥250,000.00')).toBeTruthy();
    expect(bodyRows().map(cellsOf)).toEqual([
      ['Mar 1, 2026', 'Sep 1, 2026 Expired', 'AA', 'CN¥300,000.00', '经营稳定', '周敏'],
      ['Jan 10, 2025', 'Jul 10, 2025 Expired', 'AA', 'CN¥300,000.00', '经营稳定', '周敏'],
    ]);
    expect(screen.getByRole('status').textContent).toBe(
      'The latest credit report has expired: the customer needs a new investigation.',
    );
  });

  it('does not flag a report the server counts as valid', async () => {
    await renderTab(<CreditTab customerId={customerId} />, {
      mocks: [tabMock([report('CreditReport:3', '2026-10-01', '2026-12-31', false)])],
      language: 'zh-CN',
    });

    expect(await screen.findByText('信用额度：¥250,000.00')).toBeTruthy();
    expect(bodyRows().map(cellsOf)).toEqual([
      ['2026年10月1日', '2026年12月31日', 'AA级', '¥300,000.00', '经营稳定', '周敏'],
    ]);
    expect(screen.queryByText('已过期')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('puts a recorded report on top at once and clears the expiry warning', async () => {
    const saved = { ...report('CreditReport:4', input.reportedAt, input.validUntil, false), rating: 'AAA' };
    await renderTab(<CreditTab customerId={customerId} />, {
      mocks: [
        tabMock([report('CreditReport:2', '2026-03-01', '2026-09-01', true)]),
        {
          request: { query: RecordCreditReportDocument, variables: { input } },
          delay: 30,
          result: {
            data: {
              recordCreditReport: {
                ...saved,
                recommendedLimit: '500000.00',
                summary: null,
                author: { __typename: 'Staff', id: 'staff-rep', name: '李伟' },
                customer: { __typename: 'Customer', id: customerId },
              },
            },
          },
        },
      ],
    });
    const dialog = await fillReport();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(cellsOf(bodyRows()[0] as HTMLElement)).toEqual([
      'Nov 20, 2026',
      'May 20, 2027',
      'AAA',
      'CN¥500,000.00',
      '',
      '李伟',
    ]);
    expect(screen.queryByRole('status')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bodyRows()).toHaveLength(2);
    expect(cellsOf(bodyRows()[0] as HTMLElement)[3]).toBe('CN¥500,000.00');
  });

  it('shows why the server refused the validity next to that field and keeps the form', async () => {
    const message = 'input.validUntil must be 3 to 12 months after reportedAt';
    await renderTab(<CreditTab customerId={customerId} />, {
      mocks: [
        tabMock([]),
        {
          request: { query: RecordCreditReportDocument, variables: { input } },
          result: {
            errors: [
              new GraphQLError(message, {
                extensions: { code: 'BAD_USER_INPUT', field: 'input.validUntil' },
              }),
            ],
          },
        },
      ],
    });
    const dialog = await fillReport();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const validUntil = within(dialog).getByLabelText('Valid until');
    await waitFor(() => expect(validUntil.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(validUntil.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      message,
    );
    expect(screen.getByText('No credit reports yet.')).toBeTruthy();
  });

  it('closes the form on Escape and gives focus back to the button that opened it', async () => {
    await renderTab(<CreditTab customerId={customerId} />, { mocks: [tabMock([])] });
    // A keyboard user: the button has focus when Enter activates it.
    const opener = await screen.findByRole('button', { name: 'Record a credit report' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Record a credit report' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Report date'));

    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
