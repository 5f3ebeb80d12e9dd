import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DeactivateStaffDocument, StaffAdminDocument, ViewerDocument } from '../../apollo/generated';
import { renderApp } from '../../test/render';

const me = { __typename: 'Staff', id: 'admin-1', name: 'Ada Admin', role: 'ADMIN' };
const member = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Staff',
  id,
  name,
  email: `${id}@example.com`,
  title: null,
  department: null,
  role: 'SALES_REP',
  active: true,
  version: 1,
  customerCount: 0,
  manager: null,
  ...extra,
});
const directory = {
  request: { query: StaffAdminDocument },
  result: {
    data: {
      backupStatus: { __typename: 'BackupStatus', scheduled: true, lastVerified: null, lastRun: null },
      staffMembers: {
        __typename: 'StaffConnection',
        nodes: [
          member('admin-1', 'Ada Admin', { role: 'ADMIN' }),
          member('rep-1', 'Li Lei', { customerCount: 3 }),
        ],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false },
      },
    },
  },
};

describe('the staff page', () => {
  it('names what is still on the book when a deactivation is refused', async () => {
    renderApp('/staff', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me } } },
        directory,
        {
          request: { query: DeactivateStaffDocument, variables: { id: 'rep-1', expectedVersion: 1 } },
          result: {
            errors: [
              new GraphQLError('id still holds …', {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  field: 'id',
                  book: { customers: 3, projects: 1, relationships: 4 },
                },
              }),
            ],
          },
        },
      ],
    });
    await screen.findByRole('heading', { name: 'Staff' });
    expect((screen.getByLabelText('Role of Li Lei') as HTMLSelectElement).value).toBe('SALES_REP');
    fireEvent.click(screen.getAllByRole('button', { name: 'Deactivate' })[1] as HTMLElement);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Still holds 3 customer(s), 1 project(s) and 4 relationship(s): hand them over to a colleague first (transferCustomers in the GraphQL console), then deactivate.',
    );
  });
});
