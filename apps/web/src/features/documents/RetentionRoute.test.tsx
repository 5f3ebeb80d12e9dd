import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ApproveDocumentDestructionDocument,
  DestroyDocumentDocument,
  RetentionDocument,
  ViewerDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';

const archivist = { __typename: 'Staff', id: 'Staff:5', name: '陈档案', role: 'ARCHIVIST' };
const admin = { __typename: 'Staff', id: 'Staff:1', name: 'Ada Admin' };

const due = (id: string, title: string, approvedBy: typeof admin | null, destroy: boolean) => ({
  __typename: 'Document',
  id,
  version: 3,
  title,
  category: 'PRICE_LIST',
  level: 'INTERNAL',
  documentDate: '2015-03-01',
  retentionUntil: '2025-03-01',
  customer: { __typename: 'Customer', id: 'Customer:1', name: '华东机械' },
  destructionApprovedAt: approvedBy ? '2026-11-19T08:00:00Z' : null,
  destructionApprovedBy: approvedBy ? { ...approvedBy, __typename: 'Staff' } : null,
  myAccess: { __typename: 'DocumentAccess', approveDestruction: approvedBy === null, destroy },
});

const unapproved = due('Document:1', '2015年报价单', null, false);
const approvedByOther = due('Document:2', '2014年报价单', admin, true);

const record = {
  __typename: 'DocumentDestruction',
  id: 'DocumentDestruction:1',
  title: '2014年报价单',
  category: 'PRICE_LIST',
  level: 'INTERNAL',
  sha256: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
  approvedAt: '2026-11-19T08:00:00Z',
  approvedBy: { ...admin, __typename: 'Staff' },
  destroyedAt: '2026-11-20T08:00:00Z',
  carriedOutBy: { __typename: 'Staff', id: archivist.id, name: archivist.name },
};

const retention = (documents: unknown[], records: unknown[]) => ({
  request: { query: RetentionDocument, variables: { asOf: null } },
  result: {
    data: {
      documentsPastRetention: documents,
      documentDestructions: { __typename: 'DocumentDestructionConnection', nodes: records },
    },
  },
});

const rowOf = (title: string) => screen.getByRole('row', { name: new RegExp(title) });

describe('the retention page', () => {
  it("disables carrying out for the keeper who approved: a second keeper's task", async () => {
    renderApp('/retention', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me: archivist } } },
        retention([unapproved], []),
        {
          request: {
            query: ApproveDocumentDestructionDocument,
            variables: { id: unapproved.id, expectedVersion: 3 },
          },
          result: {
            data: {
              approveDocumentDestruction: {
                ...due(unapproved.id, unapproved.title, archivist, false),
                version: 4,
              },
            },
          },
        },
      ],
    });
    await screen.findByRole('heading', { name: 'Retention and destruction' });
    const row = rowOf('2015年报价单');
    expect(within(row).getByText('Not approved yet')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Carry out destruction' })).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Approve destruction' }));

    const carryOut = await within(row).findByRole('button', { name: 'Carry out destruction' });
    expect((carryOut as HTMLButtonElement).disabled).toBe(true);
    expect(within(row).getByText('You approved it: another keeper carries it out.')).toBeTruthy();
    expect(within(row).getAllByRole('cell')[4]?.textContent).toMatch(/^陈档案/);
    expect(within(row).queryByRole('button', { name: 'Approve destruction' })).toBeNull();
  });

  it('lets another keeper carry it out after confirming; the record joins the destruction list', async () => {
    renderApp('/retention', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me: archivist } } },
        retention([approvedByOther], []),
        {
          request: {
            query: DestroyDocumentDocument,
            variables: { id: approvedByOther.id, expectedVersion: 3 },
          },
          result: { data: { destroyDocument: record } },
        },
        retention([], [record]),
      ],
    });
    const row = await screen.findByRole('row', { name: /2014年报价单/ });
    expect(within(row).getAllByRole('cell')[4]?.textContent).toMatch(/^Ada Admin/);
    expect(within(row).queryByText('You approved it: another keeper carries it out.')).toBeNull();

    fireEvent.click(within(row).getByRole('button', { name: 'Carry out destruction' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Destroy for good' }));

    expect(await screen.findByText('No documents are past retention on that day.')).toBeTruthy();
    const kept = screen.getByRole('row', { name: /2014年报价单/ });
    expect(
      within(kept)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Internal',
      'ab12cd34ef56…',
      expect.stringMatching(/^Ada AdminNov 19, 2026/),
      expect.stringMatching(/^陈档案Nov 20, 2026/),
    ]);
  });
});
