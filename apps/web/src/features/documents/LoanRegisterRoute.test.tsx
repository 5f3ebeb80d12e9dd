import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  DecideDocumentLoanDocument,
  LoanRegisterDocument,
  ReturnDocumentLoanDocument,
  ViewerDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';

const manager = { __typename: 'Staff', id: 'Staff:2', name: '王经理', role: 'SALES_MANAGER' };
const staff = (id: string, name: string) => ({ __typename: 'Staff', id, name });

const loan = (id: string, title: string, extra: Record<string, unknown>) => ({
  __typename: 'DocumentLoan',
  id,
  version: 1,
  status: 'REQUESTED',
  approval: 'DEPARTMENT_HEAD',
  hours: 4,
  createdAt: '2026-11-20T02:00:00Z',
  grantedAt: null,
  dueAt: null,
  returnedAt: null,
  mayDecide: true,
  borrower: staff('Staff:3', '李伟'),
  decidedBy: null,
  document: {
    __typename: 'Document',
    id: `Document:${id}`,
    title,
    level: 'CONFIDENTIAL',
    category: 'PROPOSAL',
    customer: { __typename: 'Customer', id: 'Customer:1', name: '华东机械' },
  },
  ...extra,
});

const pending = loan('DocumentLoan:1', '技术方案', {});
const othersOwn = loan('DocumentLoan:2', '报价单', {
  mayDecide: false,
  borrower: staff('Staff:2', '王经理'),
});

const register = (statuses: string[] | undefined, nodes: unknown[]) => ({
  request: { query: LoanRegisterDocument, variables: statuses ? { statuses } : {} },
  result: {
    data: {
      loanRegister: {
        __typename: 'DocumentLoanConnection',
        nodes,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  },
});

const signedIn = { request: { query: ViewerDocument }, result: { data: { me: manager } } };
const rowOf = (title: string) => screen.getByRole('row', { name: new RegExp(title) });

describe('the loan register', () => {
  it('offers approve and refuse only where the server says the viewer decides, and shows the grant', async () => {
    renderApp('/loans', {
      mocks: [
        signedIn,
        register(undefined, [pending, othersOwn]),
        {
          request: {
            query: DecideDocumentLoanDocument,
            variables: { id: pending.id, approve: true, expectedVersion: 1 },
          },
          result: {
            data: {
              decideDocumentLoan: {
                ...pending,
                version: 2,
                status: 'ON_LOAN',
                grantedAt: '2026-11-20T03:00:00Z',
                dueAt: '2026-11-20T07:00:00Z',
                mayDecide: false,
                decidedBy: staff('Staff:2', '王经理'),
              },
            },
          },
        },
      ],
    });
    await screen.findByRole('heading', { name: 'Loan register' });
    expect(within(rowOf('报价单')).queryByRole('button')).toBeNull();
    const row = rowOf('技术方案');
    expect(within(row).getByText("Department head's approval")).toBeTruthy();
    expect(within(row).getByText('Awaiting approval')).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: 'Approve' }));

    expect(await within(row).findByText('On loan')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Refuse' })).toBeNull();
    expect(within(row).getAllByRole('cell')[4]?.textContent).toBe('王经理');
  });

  it('keeps the status filter in the URL and asks the server for those loans', async () => {
    const { router } = renderApp('/loans', {
      mocks: [signedIn, register(undefined, [pending, othersOwn]), register(['REQUESTED'], [pending])],
    });
    const awaiting = await screen.findByRole('button', { name: 'Awaiting approval' });
    expect(awaiting.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(awaiting);

    await screen.findByRole('button', { name: 'Awaiting approval', pressed: true });
    expect(router.state.location.search).toBe('?status=REQUESTED');
    await expect.poll(() => screen.queryByRole('row', { name: /报价单/ })).toBeNull();
    expect(rowOf('技术方案')).toBeTruthy();
  });

  it("lets a keeper register the return of someone else's loan", async () => {
    const out = loan('DocumentLoan:3', '资质证照', {
      status: 'ON_LOAN',
      approval: 'REGISTRATION',
      mayDecide: false,
      grantedAt: '2026-11-20T02:00:00Z',
      dueAt: '2026-11-22T02:00:00Z',
    });
    const keeper = { __typename: 'Staff', id: 'Staff:5', name: '陈档案', role: 'ARCHIVIST' };
    renderApp('/loans', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me: keeper } } },
        register(undefined, [out]),
        {
          request: { query: ReturnDocumentLoanDocument, variables: { id: out.id, expectedVersion: 1 } },
          result: {
            data: {
              returnDocumentLoan: {
                __typename: 'DocumentLoan',
                id: out.id,
                version: 2,
                status: 'RETURNED',
                approval: 'REGISTRATION',
                dueAt: out.dueAt,
                returnedAt: '2026-11-21T09:00:00Z',
                document: {
                  __typename: 'Document',
                  id: out.document.id,
                  myAccess: { __typename: 'DocumentAccess', view: false, download: false, borrow: true },
                },
              },
            },
          },
        },
      ],
    });
    const row = await screen.findByRole('row', { name: /资质证照/ });
    expect(within(row).getAllByRole('cell')[3]?.textContent).toMatch(/^On loandue Nov 22, 2026/);

    fireEvent.click(within(row).getByRole('button', { name: 'Return' }));

    expect(await within(row).findByText('Returned')).toBeTruthy();
    expect(within(row).getAllByRole('cell')[3]?.textContent).toMatch(/^Returnedreturned Nov 21, 2026/);
    expect(within(row).queryByRole('button', { name: 'Return' })).toBeNull();
  });
});
